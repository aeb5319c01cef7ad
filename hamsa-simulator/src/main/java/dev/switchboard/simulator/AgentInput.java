package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads agent fields from a request body in either shape, the guide's short form
 * ({@code name, preamble, greeting, language, voiceId}) or the reference's nested form
 * ({@code name, conversation{greetingMessage, preamble}, voice{voiceId, lang}}), and validates them.
 * A field present in the short form wins. Errors are keyed by short-form names.
 */
final class AgentInput {

    static final String NAME = "name";
    static final String PREAMBLE = "preamble";
    static final String GREETING = "greeting";
    static final String LANGUAGE = "language";
    static final String VOICE_ID = "voiceId";

    private static final List<String> FIELDS = List.of(NAME, PREAMBLE, GREETING, LANGUAGE, VOICE_ID);

    private static final Map<String, List<String>> NESTED_PATHS = Map.of(
            PREAMBLE, List.of("conversation", "preamble"),
            GREETING, List.of("conversation", "greetingMessage"),
            LANGUAGE, List.of("voice", "lang"),
            VOICE_ID, List.of("voice", "voiceId"));

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            NAME, 255,
            GREETING, 1000,
            PREAMBLE, 20000,
            VOICE_ID, 255);

    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    private AgentInput() {
    }

    /** All five fields, required. */
    static Map<String, String> forCreate(JsonNode body) {
        Map<String, JsonNode> raw = extract(body);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode node = raw.get(field);
            if (node == null || node.isNull()) {
                errors.put(field, "is required");
            } else {
                validate(field, node, values, errors);
            }
        }
        return valuesOrThrow(values, errors);
    }

    /** Only the fields present; an explicit null is an error rather than "unchanged". */
    static Map<String, String> forPatch(JsonNode body) {
        Map<String, JsonNode> raw = extract(body);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        raw.forEach((field, node) -> {
            if (node.isNull()) {
                errors.put(field, "must not be null");
            } else {
                validate(field, node, values, errors);
            }
        });
        return valuesOrThrow(values, errors);
    }

    /** Validates a single field in isolation, e.g. the optional new name of a clone. */
    static String single(String field, JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        if (node.isNull()) {
            errors.put(field, "must not be null");
        } else {
            validate(field, node, values, errors);
        }
        return valuesOrThrow(values, errors).get(field);
    }

    private static Map<String, JsonNode> extract(JsonNode body) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode node = body.has(field) ? body.get(field) : nested(body, NESTED_PATHS.get(field));
            if (node != null) {
                raw.put(field, node);
            }
        }
        return raw;
    }

    private static JsonNode nested(JsonNode body, List<String> path) {
        if (path == null) {
            return null;
        }
        JsonNode node = body;
        for (String part : path) {
            if (node == null || !node.isObject() || !node.has(part)) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    private static void validate(String field, JsonNode node, Map<String, String> values, Map<String, String> errors) {
        if (!node.isTextual()) {
            errors.put(field, "must be a string");
            return;
        }
        String value = node.textValue();
        Integer max = MAX_LENGTHS.get(field);
        if (value.isBlank()) {
            errors.put(field, "must not be blank");
        } else if (max != null && value.codePointCount(0, value.length()) > max) {
            errors.put(field, "must be at most " + max + " characters");
        } else if (field.equals(LANGUAGE) && !LANGUAGE_TAG.matcher(value).matches()) {
            errors.put(field, "must be a language tag such as en, ar or en-US");
        } else {
            values.put(field, value);
        }
    }

    private static Map<String, String> valuesOrThrow(Map<String, String> values, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return values;
    }
}
