package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.DomainException;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads and writes Hamsa's JSON. Reading accepts both sources of HAMSA-API.md: the integration guide's
 * envelope and flat agent ({@code greeting}, {@code language}, {@code voiceId}) and the documentation's
 * envelope and nested agent ({@code conversation.greetingMessage}, {@code voice.lang}). Writing sends the
 * guide's flat fields and the documentation's nested ones side by side, so either server reads it.
 */
final class HamsaJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HamsaJson() {
    }

    /** The payload of a success envelope ({@code data}); the body itself when there is no envelope. */
    static JsonNode payload(JsonNode body) {
        if (body != null && body.isObject() && body.has("data") && !body.get("data").isNull()) {
            return body.get("data");
        }
        return body;
    }

    static PlatformAgent agent(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw badResponse("expected an agent object");
        }
        String id = firstText(node, "id", "_id", "voiceAgentId")
                .orElseThrow(() -> badResponse("agent without an id"));
        try {
            return new PlatformAgent(new HamsaAgentId(id), new AgentSettings(
                    firstText(node, "name").orElse(null),
                    firstText(node, "greeting", "conversation.greetingMessage", "greetingMessage").orElse(null),
                    firstText(node, "preamble", "conversation.preamble").orElse(null),
                    firstText(node, "language", "voice.lang", "lang").orElse(null),
                    firstText(node, "voiceId", "voice.voiceId").orElse(null),
                    ids(node.get("knowledgeBaseItemsIds")), ids(node.get("tools"))));
        } catch (DomainException | IllegalArgumentException e) {
            throw badResponse("agent " + id + " is not one Switchboard can mirror: " + e.getMessage());
        }
    }

    /**
     * The ids of an agent's knowledge items or tools: an array of ids, or of objects carrying one (the
     * documentation's agent shows {@code tools[]} without saying which). Missing is none.
     */
    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                Optional<String> id = element.isObject() ? firstNonBlank(element, "id", "_id", "webToolId", "knowledgeBaseItemId")
                        : element.isTextual() && !element.asText().isBlank() ? Optional.of(element.asText()) : Optional.empty();
                id.ifPresent(ids::add);
            }
        }
        return ids;
    }

    /** The agents of one list page: guide/docs {@code voiceAgents}, or a bare array. */
    static List<JsonNode> agentPage(JsonNode payload) {
        JsonNode items = payload == null ? null
                : payload.isArray() ? payload
                : payload.has("voiceAgents") ? payload.get("voiceAgents")
                : payload.get("items");
        if (items == null || !items.isArray()) {
            throw badResponse("agent list without voiceAgents");
        }
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }

    /** The list's total when Hamsa gives one ({@code filtered} counts what matches the query). */
    static Optional<Long> total(JsonNode payload) {
        for (String field : List.of("filtered", "total")) {
            if (payload != null && payload.has(field) && payload.get(field).canConvertToLong()) {
                return Optional.of(payload.get(field).asLong());
            }
        }
        return Optional.empty();
    }

    static ObjectNode agentBody(AgentSettings s) {
        ObjectNode body = JSON.objectNode();
        putSettings(body, Optional.of(s.name()), Optional.of(s.greeting()), Optional.of(s.preamble()),
                Optional.of(s.language()), Optional.of(s.voiceId()));
        putIds(body, Optional.of(s.knowledgeBaseItemIds()), Optional.of(s.toolIds()));
        return body;
    }

    static ObjectNode changesBody(AgentChanges c) {
        ObjectNode body = JSON.objectNode();
        putSettings(body, c.name(), c.greeting(), c.preamble(), c.language(), c.voiceId());
        putIds(body, c.knowledgeBaseItemIds(), c.toolIds());
        return body;
    }

    static ObjectNode cloneBody(HamsaAgentId source, String newName) {
        ObjectNode body = JSON.objectNode().put("voiceAgentId", source.value());
        if (newName != null) {
            body.put("name", newName);
        }
        return body;
    }

    /** The documentation's names: {@code knowledgeBaseItemsIds} and {@code tools}, each an array of Hamsa ids. */
    private static void putIds(ObjectNode body, Optional<List<String>> knowledge, Optional<List<String>> tools) {
        // An empty list is sent as []: it detaches them all.
        knowledge.ifPresent(ids -> {
            com.fasterxml.jackson.databind.node.ArrayNode array = body.putArray("knowledgeBaseItemsIds");
            ids.forEach(array::add);
        });
        tools.ifPresent(ids -> {
            com.fasterxml.jackson.databind.node.ArrayNode array = body.putArray("tools");
            ids.forEach(array::add);
        });
    }

    private static void putSettings(ObjectNode body, Optional<String> name, Optional<String> greeting,
                                    Optional<String> preamble, Optional<String> language, Optional<String> voiceId) {
        name.ifPresent(v -> body.put("name", v));
        greeting.ifPresent(v -> body.put("greeting", v));
        preamble.ifPresent(v -> body.put("preamble", v));
        language.ifPresent(v -> body.put("language", v));
        voiceId.ifPresent(v -> body.put("voiceId", v));
        if (greeting.isPresent() || preamble.isPresent()) {
            ObjectNode conversation = body.putObject("conversation");
            greeting.ifPresent(v -> conversation.put("greetingMessage", v));
            preamble.ifPresent(v -> conversation.put("preamble", v));
        }
        if (language.isPresent() || voiceId.isPresent()) {
            ObjectNode voice = body.putObject("voice");
            voiceId.ifPresent(v -> voice.put("voiceId", v));
            language.ifPresent(v -> voice.put("lang", v));
        }
    }

    /** The error's code, message and field details, from either error shape. */
    record HamsaError(String code, String message, Map<String, String> details) {
    }

    static HamsaError error(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new HamsaError(null, null, Map.of());
        }
        JsonNode error = body.has("error") && body.get("error").isObject() ? body.get("error") : body;
        String code = firstText(error, "code", "messageKey").orElse(null);
        String message = firstText(error, "message").orElse(null);
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode d = error.get("details");
        if (d != null && d.isObject()) {
            d.fields().forEachRemaining(f -> details.put(f.getKey(),
                    f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        }
        return new HamsaError(code, message, details);
    }

    private static Optional<String> firstText(JsonNode node, String... paths) {
        return first(node, at -> at.isValueNode() && !at.isNull(), paths);
    }

    /** The first of these (dotted) paths that holds a string or number that is not blank, as text. */
    static Optional<String> firstNonBlank(JsonNode node, String... paths) {
        return first(node, at -> (at.isTextual() || at.isNumber()) && !at.asText().isBlank(), paths);
    }

    private static Optional<String> first(JsonNode node, Predicate<JsonNode> wanted, String... paths) {
        for (String path : paths) {
            JsonNode at = node;
            for (String part : path.split("\\.")) {
                at = at == null ? null : at.get(part);
            }
            if (at != null && wanted.test(at)) {
                return Optional.of(at.asText());
            }
        }
        return Optional.empty();
    }

    static PlatformException badResponse(String why) {
        return PlatformException.withoutAnswer(PlatformFailure.BAD_RESPONSE, "Unreadable Hamsa response: " + why, null);
    }
}
