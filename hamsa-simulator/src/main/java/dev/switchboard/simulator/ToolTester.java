package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code test-api-tool}: really calls a tool's server, as Hamsa does when a tool is tried out, and
 * says how it went. Connection failures are results, not errors. Every request is recorded first,
 * so a test can see what was sent even when nothing answered.
 *
 * <p>Over {@link HttpURLConnection} (java.base), not {@code java.net.http}, which Switchboard's
 * native image lacks; HttpURLConnection refuses PATCH, so PATCH goes through {@link RawHttp}.
 */
final class ToolTester {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_TESTS_KEPT = 10_000;
    static final String USER_AGENT = "hamsa-simulator";
    static final String MCP_LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]*)}");

    /** {@code statusCode} and {@code body} null when no HTTP answer came; {@code error} null when one did. */
    record Result(boolean success, Integer statusCode, long durationMs, String body, String error) {
    }

    private final Json json;
    private final ArrayDeque<ToolTestView> tests = new ArrayDeque<>();

    ToolTester(Json json) {
        this.json = json;
    }

    Result test(WebTool.Type type, WebTool.Settings settings, ObjectNode params) {
        ToolTestView request = type == WebTool.Type.MCP ? mcpRequest(settings) : functionRequest(settings, params);
        record(request);
        int timeoutMillis = settings.timeOutSeconds() * 1000;
        long started = System.nanoTime();
        try {
            RawHttp.Response response = request.method().equals("PATCH")
                    ? RawHttp.exchange(URI.create(request.url()), request.method(), request.headers(),
                            bytes(request.body()), timeoutMillis, MAX_BODY_BYTES)
                    : send(request, timeoutMillis);
            return new Result(response.status() >= 200 && response.status() < 300, response.status(),
                    millisSince(started), new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (IOException | RuntimeException e) {
            return new Result(false, null, millisSince(started), null, describe(e));
        }
    }

    List<ToolTestView> tests() {
        synchronized (tests) {
            return List.copyOf(tests);
        }
    }

    void clear() {
        synchronized (tests) {
            tests.clear();
        }
    }

    private void record(ToolTestView request) {
        synchronized (tests) {
            tests.addLast(request);
            while (tests.size() > MAX_TESTS_KEPT) {
                tests.removeFirst();
            }
        }
    }

    /**
     * {@code {name}} placeholders in the URL from the path parameters, else from the arguments
     * (URL-encoded); the arguments as a JSON body for POST, PUT and PATCH, as the query for GET and DELETE.
     */
    private ToolTestView functionRequest(WebTool.Settings settings, ObjectNode params) {
        StringBuilder url = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(settings.serverUrl());
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = settings.pathParameters().get(name);
            if (value == null && params.hasNonNull(name)) {
                value = text(params.get(name));
            }
            placeholder.appendReplacement(url, Matcher.quoteReplacement(
                    value == null ? placeholder.group() : encode(value).replace("+", "%20")));
        }
        placeholder.appendTail(url);

        String method = settings.methodType();
        boolean queryArguments = method.equals("GET") || method.equals("DELETE");
        if (queryArguments && !params.isEmpty()) {
            StringBuilder query = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> fields = params.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                query.append(query.length() == 0 ? "" : "&")
                        .append(encode(field.getKey())).append('=').append(encode(text(field.getValue())));
            }
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(query);
        }
        String body = queryArguments ? null : new String(json.bytes(params), StandardCharsets.UTF_8);
        return new ToolTestView(url.toString(), method, headers(settings, body != null, false), body);
    }

    private ToolTestView mcpRequest(WebTool.Settings settings) {
        return new ToolTestView(settings.serverUrl(), "POST", headers(settings, true, true), MCP_LIST_TOOLS);
    }

    /** The tool's own headers, then the content type (unless it set one) and the bearer token, which wins. */
    private static Map<String, String> headers(WebTool.Settings settings, boolean hasBody, boolean mcp) {
        Map<String, String> headers = new LinkedHashMap<>(settings.httpHeaders());
        if (hasBody && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/json");
        }
        if (mcp && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Accept"))) {
            // What an MCP server over streamable HTTP asks its clients to accept.
            headers.put("Accept", "application/json, text/event-stream");
        }
        if (settings.authToken() != null) {
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
            headers.put("Authorization", "Bearer " + settings.authToken());
        }
        return headers;
    }

    private static RawHttp.Response send(ToolTestView request, int timeoutMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
        try {
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(request.method());
            connection.setRequestProperty("User-Agent", USER_AGENT);
            request.headers().forEach(connection::setRequestProperty);
            if (request.body() != null) {
                byte[] body = bytes(request.body());
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            byte[] body = new byte[0];
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (in != null) {
                    body = in.readNBytes(MAX_BODY_BYTES);
                }
            }
            return new RawHttp.Response(status, body);
        } finally {
            connection.disconnect();
        }
    }

    static String describe(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("refused") ? "connection refused" : "connection failed: " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
