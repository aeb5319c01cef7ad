package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches method and path against templates such as {@code /v2/voice-agents/{id}}. */
final class Router {

    record Request(String method, String path, Map<String, String> query, String body, Map<String, String> params) {

        String param(String name) {
            return params.get(name);
        }
    }

    record Reply(int status, JsonNode body) {

        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Request request);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    /** Answers 404 when no template matches the path and 405 when one does but not for this method. */
    Reply dispatch(String method, String path, Map<String, String> query, String body) {
        String[] segments = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), segments);
            if (params == null) {
                continue;
            }
            if (route.method().equalsIgnoreCase(method)) {
                return route.handler().handle(new Request(method, path, query, body, params));
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            throw ApiException.methodNotAllowed(allowed);
        }
        throw ApiException.notFound("Not found: " + path);
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), path[i]);
            } else if (!part.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
