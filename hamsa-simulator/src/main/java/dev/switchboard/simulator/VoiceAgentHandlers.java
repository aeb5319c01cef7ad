package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The voice-agent endpoints. Handlers return the {@code data} payload; the gateway adds the envelope. */
final class VoiceAgentHandlers {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;

    private final AgentStore store;
    private final AgentJson agentJson;
    private final Json json;
    private final Clock clock;
    private final Predicate<String> toolExists;
    private final Predicate<String> itemExists;

    VoiceAgentHandlers(AgentStore store, AgentJson agentJson, Json json, Clock clock,
                       Predicate<String> toolExists, Predicate<String> itemExists) {
        this.store = store;
        this.agentJson = agentJson;
        this.json = json;
        this.clock = clock;
        this.toolExists = toolExists;
        this.itemExists = itemExists;
    }

    Router routes(Router router) {
        return router
                .add("POST", "/v2/voice-agents", this::create)
                .add("GET", "/v2/voice-agents", this::list)
                .add("GET", "/v2/voice-agents/{id}", this::get)
                .add("PATCH", "/v2/voice-agents/{id}", this::patch)
                .add("POST", "/v1/voice-agents/clone", this::cloneAgent);
    }

    private Router.Reply create(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        Map<String, String> fields = AgentInput.forCreate(body);
        AgentLinks links = AgentLinks.forCreate(body, toolExists, itemExists);
        AgentWebhookInput webhook = AgentWebhookInput.read(body);
        Agent agent = store.add(Agent.create(newId(), fields, links, webhook, now()));
        return Router.Reply.ok(agentJson.render(agent));
    }

    private Router.Reply get(Router.Request request) {
        return Router.Reply.ok(agentJson.render(find(request.param("id"))));
    }

    private Router.Reply list(Router.Request request) {
        int page = Paging.positiveInt(request.query(), "page", 1);
        int perPage = Math.min(Paging.positiveInt(request.query(), "perPage", DEFAULT_PER_PAGE), MAX_PER_PAGE);
        AgentStore.Page result = store.page(page, perPage);

        ObjectNode data = json.object();
        data.put("total", result.total());
        // No filters are supported, so "filtered" always equals "total".
        data.put("filtered", result.total());
        ArrayNode agents = data.putArray("voiceAgents");
        result.agents().forEach(agent -> agents.add(agentJson.render(agent)));
        return Router.Reply.ok(data);
    }

    private Router.Reply patch(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        Map<String, String> changes = AgentInput.forPatch(body);
        AgentLinks links = AgentLinks.forPatch(body, toolExists, itemExists);
        AgentWebhookInput webhook = AgentWebhookInput.read(body);
        Instant now = now();
        Agent agent = store.update(request.param("id"),
                current -> current.patch(changes, links, webhook, Timestamps.after(current.updatedAt(), now)))
                .orElseThrow(VoiceAgentHandlers::agentNotFound);
        return Router.Reply.ok(agentJson.render(agent));
    }

    private Router.Reply cloneAgent(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        JsonNode sourceId = body.get("voiceAgentId");
        if (sourceId == null || sourceId.isNull()) {
            throw ApiException.validation(Map.of("voiceAgentId", "is required"));
        }
        if (!sourceId.isTextual() || sourceId.textValue().isBlank()) {
            throw ApiException.validation(Map.of("voiceAgentId", "must be a non-blank string"));
        }
        String name = body.has(AgentInput.NAME) ? AgentInput.single(AgentInput.NAME, body.get(AgentInput.NAME)) : null;
        Agent source = find(sourceId.textValue());
        Agent copy = store.add(source.copy(newId(), name != null ? name : source.name() + " (copy)", now()));
        return Router.Reply.ok(agentJson.render(copy));
    }

    private Agent find(String id) {
        return store.get(id).orElseThrow(VoiceAgentHandlers::agentNotFound);
    }

    private static ApiException agentNotFound() {
        return ApiException.notFound("Voice agent not found");
    }

    private Instant now() {
        return Timestamps.now(clock);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
