package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a web-tool body, the create body or the result of merging a PATCH into the
 * stored tool (so both are held to the same rules). Errors are keyed by field, nested ones by path
 * ({@code toolSettings.serverUrl}). {@code params} must be an object but is not checked as a schema.
 */
final class WebToolInput {

    static final int MAX_NAME = 64;
    static final int MAX_DESCRIPTION = 1024;
    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    static final int MAX_TIMEOUT_SECONDS = 60;
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final String SETTINGS = "toolSettings";
    static final String AUTH_TOKEN = "authToken";

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]+$");
    /** An HTTP header name is a token (RFC 9110). */
    private static final Pattern HEADER_NAME = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");
    /** {@code {orderId}} placeholders are not legal in a URI; they are swapped for a letter to check the rest. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}/]*}");

    record Spec(WebTool.Type type, String name, String description, boolean async, WebTool.Settings settings,
                ObjectNode params, ArrayNode messages) {
    }

    private WebToolInput() {
    }

    static Spec parse(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        WebTool.Type type = type(body.get("type"), errors);
        String name = text(body.get("name"), "name", MAX_NAME, true, errors);
        if (name != null && !NAME.matcher(name).matches()) {
            errors.put("name", "may only hold letters, digits, '_' and '-'");
        }
        String description = text(body.get("description"), "description", MAX_DESCRIPTION,
                type != WebTool.Type.MCP, errors);
        boolean async = false;
        JsonNode asyncNode = body.get("async");
        if (present(asyncNode)) {
            if (asyncNode.isBoolean()) {
                async = asyncNode.booleanValue();
            } else {
                errors.put("async", "must be true or false");
            }
        }
        WebTool.Settings settings = settings(body.get(SETTINGS), type == null ? WebTool.Type.FUNCTION : type,
                SETTINGS + ".", errors);
        ObjectNode params = null;
        JsonNode paramsNode = body.get("params");
        if (present(paramsNode)) {
            if (paramsNode.isObject()) {
                params = ((ObjectNode) paramsNode).deepCopy();
            } else {
                errors.put("params", "must be a JSON object (a JSON Schema)");
            }
        }
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        JsonNode messagesNode = body.get("messages");
        if (present(messagesNode)) {
            if (messagesNode.isArray()) {
                messages = ((ArrayNode) messagesNode).deepCopy();
            } else {
                errors.put("messages", "must be an array");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Spec(type, name, description, async, settings, params, messages);
    }

    /**
     * Reads {@code toolSettings} for a tool of this type, noting errors under {@code prefix}. An MCP
     * tool is always called with POST, so its {@code methodType} is ignored.
     */
    static WebTool.Settings settings(JsonNode node, WebTool.Type type, String prefix, Map<String, String> errors) {
        String key = prefix.substring(0, prefix.length() - 1);
        if (!present(node)) {
            errors.put(key, "is required");
            return null;
        }
        if (!node.isObject()) {
            errors.put(key, "must be an object");
            return null;
        }
        int before = errors.size();
        String serverUrl = null;
        JsonNode url = node.get("serverUrl");
        if (!present(url)) {
            errors.put(prefix + "serverUrl", "is required");
        } else if (!url.isTextual() || !HttpUrls.isAbsoluteHttp(PLACEHOLDER.matcher(url.textValue()).replaceAll("x"))) {
            errors.put(prefix + "serverUrl", HttpUrls.PROBLEM);
        } else {
            serverUrl = url.textValue();
        }
        String method = "POST";
        JsonNode methodNode = node.get("methodType");
        if (type == WebTool.Type.FUNCTION) {
            if (!present(methodNode)) {
                errors.put(prefix + "methodType", "is required");
            } else if (!methodNode.isTextual() || !METHODS.contains(methodNode.textValue().toUpperCase(Locale.ROOT))) {
                errors.put(prefix + "methodType", "must be GET, POST, PUT, PATCH or DELETE");
            } else {
                method = methodNode.textValue().toUpperCase(Locale.ROOT);
            }
        }
        int timeOut = DEFAULT_TIMEOUT_SECONDS;
        JsonNode timeOutNode = node.get("timeOut");
        if (present(timeOutNode)) {
            if (!timeOutNode.isIntegralNumber() || !timeOutNode.canConvertToInt()
                    || timeOutNode.intValue() < 1 || timeOutNode.intValue() > MAX_TIMEOUT_SECONDS) {
                errors.put(prefix + "timeOut", "must be a whole number of seconds from 1 to " + MAX_TIMEOUT_SECONDS);
            } else {
                timeOut = timeOutNode.intValue();
            }
        }
        Map<String, String> headers = strings(node.get("httpHeaders"), prefix + "httpHeaders", true, errors);
        Map<String, String> pathParameters = strings(node.get("pathParameters"), prefix + "pathParameters", false,
                errors);
        String authToken = null;
        JsonNode token = node.get(AUTH_TOKEN);
        if (present(token)) {
            if (!token.isTextual() || token.textValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
                errors.put(prefix + AUTH_TOKEN, "must be a string on one line");
            } else if (!token.textValue().isEmpty()) {
                authToken = token.textValue();
            }
        }
        if (errors.size() != before) {
            return null;
        }
        return new WebTool.Settings(serverUrl, method, timeOut, headers, pathParameters, authToken);
    }

    /** The create body a tool would be made from, its token included, for merging a PATCH into. */
    static ObjectNode toBody(WebTool tool, Json json) {
        ObjectNode body = json.object()
                .put("type", tool.type().name())
                .put("name", tool.name())
                .put("description", tool.description())
                .put("async", tool.async());
        WebTool.Settings settings = tool.settings();
        ObjectNode node = body.putObject(SETTINGS)
                .put("serverUrl", settings.serverUrl())
                .put("methodType", settings.methodType())
                .put("timeOut", settings.timeOutSeconds());
        ObjectNode headers = node.putObject("httpHeaders");
        settings.httpHeaders().forEach(headers::put);
        ObjectNode pathParameters = node.putObject("pathParameters");
        settings.pathParameters().forEach(pathParameters::put);
        if (settings.authToken() != null) {
            node.put(AUTH_TOKEN, settings.authToken());
        }
        body.set("params", tool.params() == null ? null : tool.params().deepCopy());
        body.set("messages", tool.messages().deepCopy());
        return body;
    }

    /** Top-level fields replace; {@code toolSettings} given as an object is merged field by field. */
    static ObjectNode merge(ObjectNode current, JsonNode patch) {
        ObjectNode merged = current.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = merged.get(field.getKey());
            if (field.getKey().equals(SETTINGS) && field.getValue().isObject() && existing != null && existing.isObject()) {
                field.getValue().fields().forEachRemaining(setting ->
                        ((ObjectNode) existing).set(setting.getKey(), setting.getValue().deepCopy()));
            } else {
                merged.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return merged;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static WebTool.Type type(JsonNode node, Map<String, String> errors) {
        if (!present(node)) {
            errors.put("type", "is required");
            return null;
        }
        if (node.isTextual()) {
            for (WebTool.Type type : WebTool.Type.values()) {
                if (type.name().equals(node.textValue())) {
                    return type;
                }
            }
        }
        errors.put("type", "must be FUNCTION or MCP");
        return null;
    }

    private static String text(JsonNode node, String field, int max, boolean required, Map<String, String> errors) {
        if (!present(node)) {
            if (required) {
                errors.put(field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.put(field, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            errors.put(field, "must not be blank");
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.put(field, "must be at most " + max + " characters");
        } else {
            return value;
        }
        return null;
    }

    /** An object of string values; header names must be tokens and no value may break a line. */
    private static Map<String, String> strings(JsonNode node, String key, boolean headers, Map<String, String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!present(node)) {
            return values;
        }
        if (!node.isObject()) {
            errors.put(key, "must be an object of string values");
            return values;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isTextual()) {
                errors.put(key + "." + field.getKey(), "must be a string");
            } else if (headers && !HEADER_NAME.matcher(field.getKey()).matches()) {
                errors.put(key + "." + field.getKey(), "is not a valid header name");
            } else if (value.textValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
                errors.put(key + "." + field.getKey(), "must not break a line");
            } else {
                values.put(field.getKey(), value.textValue());
            }
        }
        return values;
    }
}
