package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.TeamId;

/** Removes an item from the platform and from Switchboard; its bytes stop counting. */
public interface DeleteKnowledgeItemUseCase {

    void delete(TeamId team, KnowledgeItemId id);
}
