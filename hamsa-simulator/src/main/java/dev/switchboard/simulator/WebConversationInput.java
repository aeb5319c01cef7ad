package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated {@code POST /v1/voice-agents/conversation-init} body, {@code {voiceAgentId, params?,
 * voiceEnablement?, tools?}}. {@code voiceEnablement} and {@code tools} (the browser's client-side
 * tools, in the web SDK) are checked and then not used: the simulator plays no audio and calls no
 * browser tool.
 *
 * @param params  the conversation's params, an empty object when none were given
 * @param outcome the outcome {@code params.sim_outcome} asks for, or null to follow the script
 */
record WebConversationInput(String voiceAgentId, ObjectNode params, CallScript.Outcome outcome) {

    /** @throws ApiException 400 with a detail per bad field */
    static WebConversationInput parse(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String voiceAgentId = CallInput.voiceAgentId(body, errors);
        ObjectNode params = CallInput.object(body, "params", errors);
        JsonNode voiceEnablement = body.get("voiceEnablement");
        if (voiceEnablement != null && !voiceEnablement.isNull() && !voiceEnablement.isBoolean()) {
            errors.put("voiceEnablement", "must be true or false");
        }
        JsonNode tools = body.get("tools");
        if (tools != null && !tools.isNull() && !tools.isArray()) {
            errors.put("tools", "must be an array");
        }
        CallScript.Outcome outcome = CallInput.outcome(params, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new WebConversationInput(voiceAgentId, CallInput.orEmpty(params), outcome);
    }
}
