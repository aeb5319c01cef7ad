package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders an agent in the shape that goes with the envelope: flat for GUIDE, nested for DOCS. Its
 * webhook is rendered at the top level in both, {@code webhookAuth} as {@code {authKey}} only: the
 * secret is never read back (Hamsa's documentation shows none in its reads).
 */
final class AgentJson {

    private final Json json;
    private final Envelope envelope;

    AgentJson(Json json, Envelope envelope) {
        this.json = json;
        this.envelope = envelope;
    }

    ObjectNode render(Agent agent) {
        ObjectNode node = json.object();
        node.put("id", agent.id());
        node.put("name", agent.name());
        if (envelope == Envelope.DOCS) {
            node.put("type", "outbound");
            ObjectNode conversation = node.putObject("conversation");
            conversation.put("greetingMessage", agent.greeting());
            conversation.put("preamble", agent.preamble());
            ObjectNode voice = node.putObject("voice");
            voice.put("voiceId", agent.voiceId());
            voice.put("lang", agent.language());
        } else {
            node.put("preamble", agent.preamble());
            node.put("greeting", agent.greeting());
            node.put("language", agent.language());
            node.put("voiceId", agent.voiceId());
        }
        ArrayNode tools = node.putArray(AgentLinks.TOOLS);
        agent.tools().forEach(tools::add);
        ArrayNode items = node.putArray(AgentLinks.KNOWLEDGE);
        agent.knowledgeBaseItemsIds().forEach(items::add);
        node.put(WebhookInput.URL, agent.webhookUrl());
        if (agent.webhookAuth() == null) {
            node.putNull(WebhookInput.AUTH);
        } else {
            node.putObject(WebhookInput.AUTH).put("authKey", agent.webhookAuth().authKey());
        }
        node.put("createdAt", agent.createdAt().toString());
        node.put("updatedAt", agent.updatedAt().toString());
        return node;
    }
}
