package dev.switchboard.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The simulator's only use of Jackson: the tree model, so nothing needs reflection (native-image
 * friendly) and the wire shapes are spelled out where they are built.
 */
final class Json {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    /** Parses a request body that must be a JSON object. */
    JsonNode parseObject(String body) {
        JsonNode node;
        try {
            node = body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.malformedJson();
        }
        if (node == null || node.isMissingNode()) {
            throw ApiException.malformedJson();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        return node;
    }

    /** A JSON object as plain Java values: maps, lists, strings, numbers, booleans and nulls. */
    @SuppressWarnings("unchecked")
    Map<String, Object> toMap(ObjectNode node) {
        return mapper.convertValue(node, Map.class);
    }

    /** Plain Java JSON values (maps, lists, strings, numbers, booleans, nulls) as a JSON object. */
    ObjectNode fromMap(Map<String, Object> values) {
        return mapper.valueToTree(values);
    }

    byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
