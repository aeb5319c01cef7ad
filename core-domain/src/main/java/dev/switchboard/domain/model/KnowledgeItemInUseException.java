package dev.switchboard.domain.model;

import java.util.List;

/** A knowledge item agents still use cannot be deleted: they would lose it without anyone asking. */
public final class KnowledgeItemInUseException extends DomainException {

    private final List<VoiceAgentId> agents;

    public KnowledgeItemInUseException(KnowledgeItemId item, List<VoiceAgentId> agents) {
        super("Knowledge item " + item + " is used by " + agents.size() + " agent(s)");
        this.agents = List.copyOf(agents);
    }

    public List<VoiceAgentId> agents() {
        return agents;
    }
}
