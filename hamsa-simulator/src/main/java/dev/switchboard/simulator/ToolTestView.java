package dev.switchboard.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request {@code test-api-tool} sent (or tried to send) to a tool's server, for tests.
 *
 * @param url     the full URL, path parameters substituted, query included
 * @param method  GET, POST, PUT, PATCH or DELETE
 * @param headers the headers the simulator set, in the order it set them
 * @param body    the request body; null for GET and DELETE
 */
public record ToolTestView(String url, String method, Map<String, String> headers, String body) {

    public ToolTestView {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
