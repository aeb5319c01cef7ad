package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored web tool. {@code params} (a JSON Schema, or null) and {@code messages} are trees the
 * store never hands out to be changed: they are copied in and rendered as copies.
 */
record WebTool(
        String id,
        String persistentId,
        int version,
        Type type,
        String name,
        String description,
        boolean async,
        Settings settings,
        ObjectNode params,
        ArrayNode messages,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    enum Type { FUNCTION, MCP }

    /** How to reach the tool's server; {@code authToken} null when none is set. */
    record Settings(String serverUrl, String methodType, int timeOutSeconds, Map<String, String> httpHeaders,
                    Map<String, String> pathParameters, String authToken) {

        Settings {
            httpHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(httpHeaders));
            pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
        }

        /** The simulator runs inside Switchboard in sandbox mode: a token must not reach its log through here either. */
        @Override
        public String toString() {
            return "Settings[serverUrl=" + serverUrl + ", methodType=" + methodType + ", authToken="
                    + (authToken == null ? "none" : "***") + "]";
        }
    }

    WebTool activated(boolean isActive, Instant at) {
        return new WebTool(id, persistentId, version, type, name, description, async, settings, params, messages,
                isActive, createdAt, at);
    }

    /** The next version, from a merged and validated spec; id, persistentId and activation stay. */
    WebTool nextVersion(WebToolInput.Spec spec, Instant at) {
        return new WebTool(id, persistentId, version + 1, spec.type(), spec.name(), spec.description(), spec.async(),
                spec.settings(), spec.params(), spec.messages(), active, createdAt, at);
    }
}
