package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.domain.model.DomainException;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.PlatformWebTool;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.model.WebToolKind;
import dev.switchboard.domain.port.out.PlatformTraffic;
import dev.switchboard.domain.port.out.WebToolPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@link WebToolPlatform} on Hamsa's REST API, a plain translator as the agents adapter is. The body is Hamsa's
 * web-tool body; the auth token goes in {@code toolSettings.authToken} and nowhere else, and is never logged.
 */
@ApplicationScoped
class HamsaWebToolPlatform implements WebToolPlatform {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Converts between JSON trees and the domain's JSON values (maps, lists, scalars): no bound classes. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private final HamsaWebToolsApi api;
    private final HamsaTransport transport;

    HamsaWebToolPlatform(HamsaConfig config, Clock clock, PlatformTraffic traffic) {
        this.transport = new HamsaTransport(traffic, PlatformArea.TOOLS);
        this.api = HamsaTransport.client(HamsaWebToolsApi.class, config, clock, traffic);
    }

    @Override
    public String createTool(WebToolDefinition definition, String authToken) {
        ObjectNode body = body(definition, authToken == null ? SecretChange.keep() : SecretChange.set(authToken));
        JsonNode payload = HamsaJson.payload(transport.call("create web tool", false, () -> api.create(body)));
        return HamsaJson.firstNonBlank(payload, "id", "_id", "webToolId", "persistentId")
                .orElseThrow(() -> HamsaJson.badResponse("web tool created without an id"));
    }

    @Override
    public PlatformWebTool getTool(String id) {
        JsonNode tool = HamsaJson.payload(transport.call("get web tool", true, () -> api.get(id)));
        if (tool == null || !tool.isObject()) {
            throw HamsaJson.badResponse("expected a web tool object");
        }
        JsonNode settings = tool.path("toolSettings");
        try {
            WebToolDefinition definition = new WebToolDefinition(
                    WebToolKind.valueOf(HamsaJson.firstNonBlank(tool, "type").orElse("FUNCTION").toUpperCase(Locale.ROOT)),
                    HamsaJson.firstNonBlank(tool, "name").orElse(null),
                    HamsaJson.firstNonBlank(tool, "description").orElse(null),
                    HamsaJson.firstNonBlank(settings, "serverUrl").orElse(null),
                    HamsaJson.firstNonBlank(settings, "methodType").map(m -> ToolHttpMethod.valueOf(m.toUpperCase(Locale.ROOT)))
                            .orElse(null),
                    settings.path("timeOut").asInt(WebToolDefinition.DEFAULT_TIMEOUT),
                    strings(settings.get("httpHeaders")), strings(settings.get("pathParameters")),
                    values(tool.get("params")));
            boolean active = !tool.has("isActive") || tool.get("isActive").asBoolean(true);
            boolean hasToken = tool.path("hasAuthToken").asBoolean(false)
                    || HamsaJson.firstNonBlank(settings, "authToken").isPresent();
            return new PlatformWebTool(HamsaJson.firstNonBlank(tool, "id", "_id").orElse(id), definition, active, hasToken);
        } catch (DomainException | IllegalArgumentException e) {
            throw HamsaJson.badResponse("web tool " + id + " is not one Switchboard can read: " + e.getMessage());
        }
    }

    @Override
    public void updateTool(String id, WebToolDefinition definition, SecretChange authToken) {
        ObjectNode body = body(definition, authToken);
        transport.call("update web tool", true, () -> api.update(id, body));
    }

    @Override
    public void setActive(String id, boolean active) {
        ObjectNode body = JSON.objectNode().put("id", id).put("isActive", active);
        transport.call("toggle web tool", true, () -> api.toggleActivation(body));
    }

    @Override
    public ToolTestResult testTool(String id, WebToolDefinition definition, String authToken, Map<String, Object> arguments) {
        ObjectNode body = body(definition, authToken == null ? SecretChange.keep() : SecretChange.set(authToken));
        body.put("webToolId", id);
        body.set("params", TREES.valueToTree(arguments));
        // Not repeatable: the tool's server may act on each call (a POST that books something).
        JsonNode result = HamsaJson.payload(transport.call("test web tool", false, () -> api.test(body)));
        if (result == null || !result.isObject()) {
            throw HamsaJson.badResponse("expected a tool test result");
        }
        JsonNode status = result.get("statusCode");
        return new ToolTestResult(result.path("success").asBoolean(false),
                status != null && status.canConvertToInt() ? status.asInt() : null,
                result.path("durationMs").asLong(0), HamsaJson.firstNonBlank(result, "body").orElse(null),
                HamsaJson.firstNonBlank(result, "error").orElse(null));
    }

    /**
     * Hamsa's web-tool body. A token is sent only when it changes: SET sends it, CLEAR sends "", KEEP sends none.
     * For a test, the tool's definition rides along as {@code toolSettings}, so Hamsa calls what Switchboard holds.
     */
    private static ObjectNode body(WebToolDefinition d, SecretChange token) {
        ObjectNode body = JSON.objectNode()
                .put("type", d.kind().name())
                .put("name", d.name())
                .put("async", false);
        if (d.description() != null) {
            body.put("description", d.description());
        }
        ObjectNode settings = body.putObject("toolSettings")
                .put("serverUrl", d.serverUrl())
                .put("methodType", d.method().name())
                .put("timeOut", d.timeoutSeconds());
        settings.set("httpHeaders", TREES.valueToTree(d.headers()));
        settings.set("pathParameters", TREES.valueToTree(d.pathParameters()));
        switch (token.action()) {
            case SET -> settings.put("authToken", token.value());
            case CLEAR -> settings.put("authToken", "");
            case KEEP -> { }
        }
        body.set("params", TREES.valueToTree(d.params()));
        body.putArray("messages");
        return body;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(JsonNode node) {
        return node != null && node.isObject() ? TREES.convertValue(node, Map.class) : Map.of();
    }
}
