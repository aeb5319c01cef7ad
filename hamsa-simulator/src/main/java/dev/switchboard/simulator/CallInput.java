package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /v1/voice-agents/call} body. Optional fields may be absent or null.
 *
 * @param params      the call's params, an empty object when none were given
 * @param webhookUrl  null when the call names none (its agent's webhook is used, if it has one)
 * @param webhookAuth null when the call has no {@code webhookAuth}
 * @param outcome     the outcome {@code params.sim_outcome} asks for, or null to follow the script
 */
record CallInput(
        String toNumber,
        String fromNumber,
        String voiceAgentId,
        ObjectNode params,
        ObjectNode agentDetails,
        String webhookUrl,
        WebhookAuth webhookAuth,
        CallScript.Outcome outcome) {

    /** The params key a test uses to choose one call's outcome. */
    static final String SIM_OUTCOME = "sim_outcome";

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    /** @throws ApiException 400 with a detail per bad field */
    static CallInput parse(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String toNumber = phone(body, "toNumber", true, errors);
        String fromNumber = phone(body, "fromNumber", false, errors);
        String voiceAgentId = voiceAgentId(body, errors);
        ObjectNode params = object(body, "params", errors);
        ObjectNode agentDetails = object(body, "agentDetails", errors);
        String webhookUrl = WebhookInput.url(body.get(WebhookInput.URL), errors);
        WebhookAuth webhookAuth = WebhookInput.auth(body.get(WebhookInput.AUTH), errors);
        CallScript.Outcome outcome = outcome(params, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new CallInput(toNumber, fromNumber, voiceAgentId, orEmpty(params), agentDetails,
                webhookUrl, webhookAuth, outcome);
    }

    /** Required, a non-blank string. */
    static String voiceAgentId(JsonNode body, Map<String, String> errors) {
        JsonNode agentId = body.get("voiceAgentId");
        if (absent(agentId)) {
            errors.put("voiceAgentId", "is required");
        } else if (!agentId.isTextual() || agentId.textValue().isBlank()) {
            errors.put("voiceAgentId", "must be a non-blank string");
        } else {
            return agentId.textValue();
        }
        return null;
    }

    /** Optional; null when absent or null. */
    static ObjectNode object(JsonNode body, String field, Map<String, String> errors) {
        JsonNode node = body.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            errors.put(field, "must be an object");
            return null;
        }
        return (ObjectNode) node;
    }

    /** What {@code params.sim_outcome} asks for; null when the params do not say. */
    static CallScript.Outcome outcome(ObjectNode params, Map<String, String> errors) {
        if (params == null || !params.has(SIM_OUTCOME)) {
            return null;
        }
        JsonNode named = params.get(SIM_OUTCOME);
        CallScript.Outcome outcome = named.isTextual() ? CallScript.outcomeNamed(named.textValue()) : null;
        if (outcome == null) {
            errors.put("params." + SIM_OUTCOME, "must be COMPLETED, NO_ANSWER or FAILED");
        }
        return outcome;
    }

    static ObjectNode orEmpty(ObjectNode params) {
        return params == null ? JsonNodeFactory.instance.objectNode() : params;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static String phone(JsonNode body, String field, boolean required, Map<String, String> errors) {
        JsonNode node = body.get(field);
        if (absent(node)) {
            if (required) {
                errors.put(field, "is required");
            }
            return null;
        }
        if (!node.isTextual() || !E164.matcher(node.textValue()).matches()) {
            errors.put(field, "must be an E.164 phone number such as +14155550100");
            return null;
        }
        return node.textValue();
    }
}
