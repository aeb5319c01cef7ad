package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The web tools and knowledge items an agent body names, {@code tools} and
 * {@code knowledgeBaseItemsIds}: arrays of ids, each of which must exist. A list is null when the
 * body does not name it; an explicit null is an error in a patch and an empty list in a create.
 */
record AgentLinks(List<String> tools, List<String> knowledgeBaseItemsIds) {

    static final String TOOLS = "tools";
    static final String KNOWLEDGE = "knowledgeBaseItemsIds";

    static AgentLinks forCreate(JsonNode body, Predicate<String> toolExists, Predicate<String> itemExists) {
        return read(body, false, toolExists, itemExists);
    }

    static AgentLinks forPatch(JsonNode body, Predicate<String> toolExists, Predicate<String> itemExists) {
        return read(body, true, toolExists, itemExists);
    }

    private static AgentLinks read(JsonNode body, boolean patch, Predicate<String> toolExists,
                                   Predicate<String> itemExists) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> tools = ids(body, TOOLS, patch, toolExists, "web tool", errors);
        List<String> items = ids(body, KNOWLEDGE, patch, itemExists, "knowledge base item", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new AgentLinks(tools, items);
    }

    private static List<String> ids(JsonNode body, String field, boolean patch, Predicate<String> exists,
                                    String what, Map<String, String> errors) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            if (patch) {
                errors.put(field, "must not be null");
            }
            return null;
        }
        if (!node.isArray()) {
            errors.put(field, "must be an array of ids");
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual() || id.textValue().isBlank()) {
                errors.put(field, "must be an array of ids");
                return null;
            }
            if (!exists.test(id.textValue())) {
                errors.put(field, "unknown " + what + " id '" + id.textValue() + "'");
                return null;
            }
            if (!ids.contains(id.textValue())) {
                ids.add(id.textValue());
            }
        }
        return ids;
    }
}
