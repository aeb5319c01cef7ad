package dev.switchboard.domain.port.in;

/** Asks the platform how the items it is still processing are doing, and records what it says. */
public interface RefreshKnowledgeItemsUseCase {

    /** @return how many items changed */
    int refreshSettling(int max);
}
