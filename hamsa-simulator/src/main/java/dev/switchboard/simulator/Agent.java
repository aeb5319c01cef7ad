package dev.switchboard.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored voice agent. Field names are the guide's short form; {@code tools} and
 * {@code knowledgeBaseItemsIds} are the ids of the web tools and knowledge items it uses;
 * {@code webhookUrl} and {@code webhookAuth} (each null when not set) receive the events of its
 * calls that name no webhook of their own.
 */
record Agent(
        String id,
        String name,
        String preamble,
        String greeting,
        String language,
        String voiceId,
        List<String> tools,
        List<String> knowledgeBaseItemsIds,
        String webhookUrl,
        WebhookAuth webhookAuth,
        Instant createdAt,
        Instant updatedAt) {

    Agent {
        tools = List.copyOf(tools);
        knowledgeBaseItemsIds = List.copyOf(knowledgeBaseItemsIds);
    }

    static Agent create(String id, Map<String, String> fields, AgentLinks links, AgentWebhookInput webhook,
                        Instant now) {
        return new Agent(id,
                fields.get(AgentInput.NAME),
                fields.get(AgentInput.PREAMBLE),
                fields.get(AgentInput.GREETING),
                fields.get(AgentInput.LANGUAGE),
                fields.get(AgentInput.VOICE_ID),
                links.tools() != null ? links.tools() : List.of(),
                links.knowledgeBaseItemsIds() != null ? links.knowledgeBaseItemsIds() : List.of(),
                webhook.url(), webhook.auth(),
                now, now);
    }

    /**
     * Applies the present fields; the rest stay as they are. A list named in the patch replaces the
     * old one; a webhook field named null is removed.
     */
    Agent patch(Map<String, String> changes, AgentLinks links, AgentWebhookInput webhook, Instant updatedAt) {
        return new Agent(id,
                changes.getOrDefault(AgentInput.NAME, name),
                changes.getOrDefault(AgentInput.PREAMBLE, preamble),
                changes.getOrDefault(AgentInput.GREETING, greeting),
                changes.getOrDefault(AgentInput.LANGUAGE, language),
                changes.getOrDefault(AgentInput.VOICE_ID, voiceId),
                links.tools() != null ? links.tools() : tools,
                links.knowledgeBaseItemsIds() != null ? links.knowledgeBaseItemsIds() : knowledgeBaseItemsIds,
                webhook.urlOr(webhookUrl), webhook.authOr(webhookAuth),
                createdAt, updatedAt);
    }

    Agent copy(String newId, String newName, Instant now) {
        return new Agent(newId, newName, preamble, greeting, language, voiceId, tools, knowledgeBaseItemsIds,
                webhookUrl, webhookAuth, now, now);
    }

    /** The same agent, or this one without a deleted knowledge item; updatedAt stays, the agent was not edited. */
    Agent withoutKnowledgeItem(String itemId) {
        if (!knowledgeBaseItemsIds.contains(itemId)) {
            return this;
        }
        List<String> kept = knowledgeBaseItemsIds.stream().filter(other -> !other.equals(itemId)).toList();
        return new Agent(id, name, preamble, greeting, language, voiceId, tools, kept, webhookUrl, webhookAuth,
                createdAt, updatedAt);
    }
}
