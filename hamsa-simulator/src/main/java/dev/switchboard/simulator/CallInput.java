package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /v1/voice-agents/call} body. Optional fields may be absent or null.
 *
 * @param params  the call's params, an empty object when none were given
 * @param authKey null when the call has no {@code webhookAuth}
 * @param outcome the outcome {@code params.sim_outcome} asks for, or null to follow the script
 */
record CallInput(
        String toNumber,
        String fromNumber,
        String voiceAgentId,
        ObjectNode params,
        ObjectNode agentDetails,
        String webhookUrl,
        String authKey,
        String authSecret,
        CallScript.Outcome outcome) {

    /** The params key a test uses to choose one call's outcome. */
    static final String SIM_OUTCOME = "sim_outcome";

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    /** Header values must not break the header: no control characters (CR and LF above all). */
    private static final Pattern HEADER_SAFE = Pattern.compile("^[^\\p{Cntrl}]*$");

    /** @throws ApiException 400 with a detail per bad field */
    static CallInput parse(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String toNumber = phone(body, "toNumber", true, errors);
        String fromNumber = phone(body, "fromNumber", false, errors);
        String voiceAgentId = null;
        JsonNode agentId = body.get("voiceAgentId");
        if (absent(agentId)) {
            errors.put("voiceAgentId", "is required");
        } else if (!agentId.isTextual() || agentId.textValue().isBlank()) {
            errors.put("voiceAgentId", "must be a non-blank string");
        } else {
            voiceAgentId = agentId.textValue();
        }
        ObjectNode params = object(body, "params", errors);
        ObjectNode agentDetails = object(body, "agentDetails", errors);
        String webhookUrl = webhookUrl(body.get("webhookUrl"), errors);
        String authKey = null;
        String authSecret = null;
        JsonNode auth = body.get("webhookAuth");
        if (!absent(auth)) {
            if (!auth.isObject()) {
                errors.put("webhookAuth", "must be an object {authKey, authSecret}");
            } else {
                authKey = headerPart(auth.get("authKey"), "webhookAuth.authKey", errors);
                authSecret = headerPart(auth.get("authSecret"), "webhookAuth.authSecret", errors);
            }
        }
        CallScript.Outcome outcome = null;
        if (params != null && params.has(SIM_OUTCOME)) {
            JsonNode named = params.get(SIM_OUTCOME);
            outcome = named.isTextual() ? CallScript.outcomeNamed(named.textValue()) : null;
            if (outcome == null) {
                errors.put("params." + SIM_OUTCOME, "must be COMPLETED, NO_ANSWER or FAILED");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new CallInput(toNumber, fromNumber, voiceAgentId,
                params == null ? JsonNodeFactory.instance.objectNode() : params, agentDetails,
                webhookUrl, authKey, authSecret, outcome);
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

    private static ObjectNode object(JsonNode body, String field, Map<String, String> errors) {
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

    private static String webhookUrl(JsonNode node, Map<String, String> errors) {
        if (absent(node)) {
            return null;
        }
        String problem = "must be an absolute http or https URL";
        if (!node.isTextual()) {
            errors.put("webhookUrl", problem);
            return null;
        }
        try {
            URI uri = new URI(node.textValue());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return node.textValue();
            }
        } catch (URISyntaxException e) {
            // falls through to the validation error
        }
        errors.put("webhookUrl", problem);
        return null;
    }

    private static String headerPart(JsonNode node, String field, Map<String, String> errors) {
        if (absent(node)) {
            errors.put(field, "is required");
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            errors.put(field, "must be a non-blank string");
            return null;
        }
        if (!HEADER_SAFE.matcher(node.textValue()).matches()) {
            errors.put(field, "must not contain control characters");
            return null;
        }
        return node.textValue();
    }
}
