package dev.switchboard.domain.model;

import java.util.List;

/**
 * The knowledge items and web tools an agent uses, by Switchboard's ids: what the team named. The platform's ids
 * of the same, in the same order, are in the agent's {@link AgentSettings}.
 */
public record AgentAttachments(List<KnowledgeItemId> knowledgeItems, List<WebToolId> tools) {

    public AgentAttachments {
        knowledgeItems = knowledgeItems == null ? List.of() : List.copyOf(knowledgeItems);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    public static AgentAttachments none() {
        return new AgentAttachments(List.of(), List.of());
    }

    public boolean uses(KnowledgeItemId item) {
        return knowledgeItems.contains(item);
    }
}
