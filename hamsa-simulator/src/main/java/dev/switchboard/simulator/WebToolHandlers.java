package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The web-tool endpoints. Handlers return the {@code data} payload; the gateway adds the envelope.
 * A tool's {@code authToken} is kept (and sent by {@code test-api-tool}) but never rendered; the
 * tool shows {@code hasAuthToken} instead.
 */
final class WebToolHandlers {

    static final String V2 = "/v2/voice-agents/web-tool";
    static final String V1 = "/v1/voice-agents/web-tool";

    private final WebToolStore store;
    private final ToolTester tester;
    private final Json json;
    private final Clock clock;

    WebToolHandlers(WebToolStore store, ToolTester tester, Json json, Clock clock) {
        this.store = store;
        this.tester = tester;
        this.json = json;
        this.clock = clock;
    }

    /** Added before the agents' routes, whose {@code /v2/voice-agents/{id}} would take {@code web-tool} for an id. */
    Router routes(Router router) {
        return router
                .add("POST", V2, this::create)
                .add("POST", "/v2/web-tool", this::create)
                .add("GET", V2, this::list)
                .add("GET", V2 + "/{id}", request -> Router.Reply.ok(render(store.get(request.param("id")))))
                .add("PATCH", V2 + "/{id}", this::patch)
                .add("POST", V1 + "/toggle-activation", this::toggle)
                .add("POST", V1 + "/test-api-tool", this::test);
    }

    /**
     * {@code GET {prefix}/tools}: the tools, and what test-api-tool sent, bearer tokens masked as
     * {@code /_admin/requests} masks API keys.
     */
    void adminRoutes(Router router, String prefix) {
        router.add("GET", prefix + "/tools", request -> {
            ObjectNode data = json.object();
            ArrayNode tools = data.putArray("tools");
            store.all().forEach(tool -> tools.add(render(tool)));
            ArrayNode tests = data.putArray("tests");
            for (ToolTestView test : tester.tests()) {
                ObjectNode node = tests.addObject().put("url", test.url()).put("method", test.method());
                ObjectNode headers = node.putObject("headers");
                test.headers().forEach((name, value) ->
                        headers.put(name, name.equalsIgnoreCase("Authorization") ? AuthHeader.mask(value) : value));
                node.put("body", test.body());
            }
            return Router.Reply.ok(data);
        });
    }

    /** Answers the ids only, as Hamsa's documentation shows. */
    private Router.Reply create(Router.Request request) {
        WebToolInput.Spec spec = WebToolInput.parse(json.parseObject(request.body()));
        Instant now = Timestamps.now(clock);
        WebTool tool = store.add(new WebTool(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1,
                spec.type(), spec.name(), spec.description(), spec.async(), spec.settings(), spec.params(),
                spec.messages(), true, now, now));
        return Router.Reply.ok(json.object()
                .put("id", tool.id())
                .put("persistentId", tool.persistentId())
                .put("version", tool.version()));
    }

    private Router.Reply list(Router.Request request) {
        int page = Paging.positiveInt(request.query(), "page", 1);
        int perPage = Math.min(Paging.positiveInt(request.query(), "perPage", VoiceAgentHandlers.DEFAULT_PER_PAGE),
                VoiceAgentHandlers.MAX_PER_PAGE);
        WebToolStore.Page result = store.page(page, perPage);
        ObjectNode data = json.object().put("total", result.total());
        ArrayNode tools = data.putArray("tools");
        result.tools().forEach(tool -> tools.add(render(tool)));
        return Router.Reply.ok(data);
    }

    /** The patch is merged into the stored tool and the result validated as a whole, then it is the next version. */
    private Router.Reply patch(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        Instant now = Timestamps.now(clock);
        WebTool updated = store.update(request.param("id"), current -> current.nextVersion(
                WebToolInput.parse(WebToolInput.merge(WebToolInput.toBody(current, json), body)),
                Timestamps.after(current.updatedAt(), now)));
        return Router.Reply.ok(render(updated));
    }

    private Router.Reply toggle(Router.Request request) {
        KnowledgeInput.Toggle toggle = KnowledgeInput.toggle(json.parseObject(request.body()), "webToolId");
        Instant now = Timestamps.now(clock);
        return Router.Reply.ok(render(store.update(toggle.id(),
                current -> current.activated(toggle.active(), Timestamps.after(current.updatedAt(), now)))));
    }

    /**
     * {@code {webToolId, params}} tries a stored tool; {@code {type?, toolSettings, params}} tries
     * settings not yet saved (a FUNCTION unless {@code type} says MCP). A failed connection is still a 200.
     */
    private Router.Reply test(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode paramsNode = body.get("params");
        ObjectNode params = json.object();
        if (paramsNode != null && !paramsNode.isNull()) {
            if (paramsNode.isObject()) {
                params = (ObjectNode) paramsNode;
            } else {
                errors.put("params", "must be an object of argument values");
            }
        }
        WebTool.Type type = WebTool.Type.FUNCTION;
        WebTool.Settings settings = null;
        JsonNode toolId = body.get("webToolId");
        if (toolId != null && !toolId.isNull()) {
            if (!toolId.isTextual() || toolId.textValue().isBlank()) {
                errors.put("webToolId", "must be a non-blank string");
            } else if (errors.isEmpty()) {
                WebTool tool = store.get(toolId.textValue());
                type = tool.type();
                settings = tool.settings();
            }
        } else if (body.hasNonNull(WebToolInput.SETTINGS)) {
            JsonNode typeNode = body.get("type");
            if (typeNode != null && !typeNode.isNull()) {
                if (typeNode.isTextual() && typeNode.textValue().equals("MCP")) {
                    type = WebTool.Type.MCP;
                } else if (!typeNode.isTextual() || !typeNode.textValue().equals("FUNCTION")) {
                    errors.put("type", "must be FUNCTION or MCP");
                }
            }
            settings = WebToolInput.settings(body.get(WebToolInput.SETTINGS), type, WebToolInput.SETTINGS + ".",
                    errors);
        } else {
            errors.put("webToolId", "give webToolId or toolSettings");
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        ToolTester.Result result = tester.test(type, settings, params);
        ObjectNode data = json.object()
                .put("success", result.success())
                .put("statusCode", result.statusCode())
                .put("durationMs", result.durationMs())
                .put("body", result.body())
                .put("error", result.error());
        return Router.Reply.ok(data);
    }

    ObjectNode render(WebTool tool) {
        ObjectNode node = json.object()
                .put("id", tool.id())
                .put("persistentId", tool.persistentId())
                .put("version", tool.version())
                .put("type", tool.type().name())
                .put("name", tool.name())
                .put("description", tool.description())
                .put("async", tool.async());
        WebTool.Settings settings = tool.settings();
        ObjectNode toolSettings = node.putObject(WebToolInput.SETTINGS)
                .put("serverUrl", settings.serverUrl())
                .put("methodType", settings.methodType())
                .put("timeOut", settings.timeOutSeconds());
        ObjectNode headers = toolSettings.putObject("httpHeaders");
        settings.httpHeaders().forEach(headers::put);
        ObjectNode pathParameters = toolSettings.putObject("pathParameters");
        settings.pathParameters().forEach(pathParameters::put);
        node.set("params", tool.params() == null ? null : tool.params().deepCopy());
        node.set("messages", tool.messages().deepCopy());
        return node.put("isActive", tool.active())
                .put("hasAuthToken", settings.authToken() != null)
                .put("createdAt", tool.createdAt().toString())
                .put("updatedAt", tool.updatedAt().toString());
    }
}
