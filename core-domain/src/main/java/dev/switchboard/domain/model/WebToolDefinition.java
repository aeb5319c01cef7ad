package dev.switchboard.domain.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a web tool is, as Hamsa's web-tool body has it: its kind, the name and description the agent's model
 * sees, how to call its server, and its parameters as a JSON Schema. Validates itself, naming every failing
 * field at once; the server URL must already have passed the outbound URL guard (as {@link #guardable}), and the parameters'
 * schema the schema check. The auth token is not here: it is a secret and travels apart.
 *
 * @param serverUrl      the server's URL, which may hold {@code {name}} placeholders that Hamsa fills from the path
 *                       parameters and arguments (so it is a template, not yet a URI)
 * @param method         how a FUNCTION is called; an MCP server is always spoken to with POST
 * @param timeoutSeconds how long Hamsa waits for the server
 * @param params         the parameters' JSON Schema as JSON values; empty for a tool that takes none
 */
public record WebToolDefinition(WebToolKind kind, String name, String description, String serverUrl, ToolHttpMethod method,
                                int timeoutSeconds, Map<String, String> headers, Map<String, String> pathParameters,
                                Map<String, Object> params) {

    public static final int NAME_MAX = 64;
    public static final String NAME_PATTERN = "^[A-Za-z0-9_-]+$";
    public static final int DESCRIPTION_MAX = 1_024;
    public static final int TIMEOUT_MIN = 1;
    public static final int TIMEOUT_MAX = 60;
    public static final int DEFAULT_TIMEOUT = 10;
    public static final int ENTRIES_MAX = 20;
    public static final int VALUE_MAX = 1_024;
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    /** A placeholder Hamsa fills in a server URL: {@code {orderId}}. */
    private static final String PLACEHOLDER = "\\{[A-Za-z_][A-Za-z0-9_]*\\}";
    private static final Pattern PLACEHOLDERS_ONLY = Pattern.compile("^[^{}]*$");
    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");
    private static final Pattern PATH_PARAMETER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    /** Headers a tool may not set: the token has its own field (kept secret), the rest belong to HTTP itself. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-length",
            "transfer-encoding", "connection", "cookie");

    public WebToolDefinition {
        headers = headers == null ? Map.of() : copy(headers);
        pathParameters = pathParameters == null ? Map.of() : copy(pathParameters);
        params = params == null ? Map.of() : JsonValues.copyOf(params);
        if (kind == WebToolKind.MCP && method == null) {
            method = ToolHttpMethod.POST;
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (kind == null) {
            violations.add(new FieldViolation("type", "must be FUNCTION or MCP"));
        }
        if (description != null && Text.hasNul(description)) {
            violations.add(new FieldViolation("description", Text.NO_NUL));
        }
        if (Text.hasNulAnywhere(params)) {
            violations.add(new FieldViolation("params", Text.NO_NUL));
        }
        if (name == null || name.isBlank()) {
            violations.add(new FieldViolation("name", "must not be blank"));
        } else if (name.length() > NAME_MAX || !NAME.matcher(name).matches()) {
            violations.add(new FieldViolation("name", "must be 1 to " + NAME_MAX
                    + " letters, digits, '_' or '-' (the agent's model calls the tool by it)"));
        }
        if (description == null || description.isBlank()) {
            if (kind != WebToolKind.MCP) {
                violations.add(new FieldViolation("description", "must not be blank: the agent's model reads it to "
                        + "decide when to call the tool"));
            }
        } else if (description.length() > DESCRIPTION_MAX) {
            violations.add(new FieldViolation("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
        if (serverUrl == null || serverUrl.isBlank()) {
            violations.add(new FieldViolation("toolSettings.serverUrl", "must not be blank"));
        } else if (!PLACEHOLDERS_ONLY.matcher(serverUrl.replaceAll(PLACEHOLDER, "")).matches()) {
            violations.add(new FieldViolation("toolSettings.serverUrl", "may use braces only for {name} placeholders"));
        } else if (authority(serverUrl).contains("{")) {
            // A placeholder there would let the arguments choose the host, past every check made here.
            violations.add(new FieldViolation("toolSettings.serverUrl",
                    "may have {name} placeholders only in its path and query, not in its scheme or host"));
        }
        if (method == null) {
            violations.add(new FieldViolation("toolSettings.methodType", "must be one of GET, POST, PUT, PATCH, DELETE"));
        } else if (kind == WebToolKind.MCP && method != ToolHttpMethod.POST) {
            violations.add(new FieldViolation("toolSettings.methodType", "must be POST (or left out) for an MCP server"));
        }
        if (timeoutSeconds < TIMEOUT_MIN || timeoutSeconds > TIMEOUT_MAX) {
            violations.add(new FieldViolation("toolSettings.timeOut", "must be " + TIMEOUT_MIN + " to " + TIMEOUT_MAX
                    + " seconds"));
        }
        checkEntries(violations, "toolSettings.httpHeaders", headers, HEADER_NAME, "an HTTP header name");
        headers.keySet().stream().filter(h -> RESERVED_HEADERS.contains(h.toLowerCase(Locale.ROOT))).sorted()
                .forEach(h -> violations.add(new FieldViolation("toolSettings.httpHeaders",
                        "'" + h + "' may not be set here" + (h.equalsIgnoreCase("authorization")
                                ? "; put the credential in toolSettings.authToken, which is kept secret" : ""))));
        checkEntries(violations, "toolSettings.pathParameters", pathParameters, PATH_PARAMETER,
                "a parameter name (letters, digits, '_')");
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static Map<String, String> copy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static void checkEntries(List<FieldViolation> violations, String field, Map<String, String> entries,
                                     Pattern keys, String what) {
        if (entries.size() > ENTRIES_MAX) {
            violations.add(new FieldViolation(field, "must have at most " + ENTRIES_MAX + " entries"));
        }
        entries.forEach((key, value) -> {
            if (key == null || !keys.matcher(key).matches()) {
                violations.add(new FieldViolation(field, "'" + key + "' is not " + what));
            } else if (value == null || value.length() > VALUE_MAX || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                violations.add(new FieldViolation(field + "." + key, "must be a single line of at most " + VALUE_MAX
                        + " characters"));
            }
        });
    }

    /** Everything before the path: scheme, credentials, host and port. */
    private static String authority(String url) {
        int start = url.indexOf("://");
        int from = start < 0 ? 0 : start + 3;
        int end = from;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(0, end);
    }

    /**
     * The URL the outbound URL guard judges for a server URL: its placeholders filled with a plain word, so that
     * the guard sees the scheme, host and port Hamsa will call (a placeholder in the host cannot pass: the word
     * names no public host).
     */
    public static String guardable(String serverUrl) {
        return serverUrl == null ? null : serverUrl.replaceAll(PLACEHOLDER, "placeholder");
    }

    /**
     * This definition with the given changes applied; fields the changes leave out stay as they are.
     *
     * @param checkedServerUrl the changes' server URL once the guard passed it, or null when they change none
     */
    public WebToolDefinition with(WebToolChanges changes, String checkedServerUrl) {
        Objects.requireNonNull(changes, "changes");
        return new WebToolDefinition(
                changes.kind().orElse(kind),
                changes.name().orElse(name),
                changes.description().orElse(description),
                checkedServerUrl != null ? checkedServerUrl : serverUrl,
                changes.method().orElse(changes.kind().isPresent() && changes.kind().get() == WebToolKind.MCP ? null : method),
                changes.timeoutSeconds().orElse(timeoutSeconds),
                changes.headers().orElse(headers),
                changes.pathParameters().orElse(pathParameters),
                changes.params().orElse(params));
    }
}
