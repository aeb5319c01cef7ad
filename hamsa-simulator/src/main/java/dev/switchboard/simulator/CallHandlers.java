package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Placing calls and reading conversations. Handlers return the {@code data} payload; the gateway adds the envelope. */
final class CallHandlers {

    private final AgentStore agents;
    private final CallStore calls;
    private final CallLifecycle lifecycle;
    private final CallJson callJson;
    private final Json json;
    private final Clock clock;

    CallHandlers(AgentStore agents, CallStore calls, CallLifecycle lifecycle, Json json, Clock clock) {
        this.agents = agents;
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.callJson = new CallJson(json);
        this.json = json;
        this.clock = clock;
    }

    Router routes(Router router) {
        return router
                .add("POST", "/v1/voice-agents/call", this::call)
                .add("POST", "/v1/voice-agents/phone-number/call", this::call)
                .add("GET", "/v1/voice-agents/conversation/{id}", this::conversation)
                .add("GET", "/v1/voice-agents/conversations/minimal-list",
                        request -> list(CallFilter.fromQuery(request.query())))
                .add("POST", "/v1/voice-agents/conversations/list",
                        request -> list(CallFilter.fromBody(json.parseObject(request.body()))));
    }

    private Router.Reply call(Router.Request request) {
        CallInput input = CallInput.parse(json.parseObject(request.body()));
        Agent agent = agents.get(input.voiceAgentId())
                .orElseThrow(() -> ApiException.notFound("Voice agent not found"));
        String jobId = UUID.randomUUID().toString();
        Conversation call = calls.add(new Conversation(calls.nextSequence(), jobId, agent.id(), agent.name(), input,
                lifecycle.script(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        lifecycle.accept(call);
        return Router.Reply.ok(json.object().put("voiceAgentId", agent.id()).put("jobId", jobId));
    }

    private Router.Reply conversation(Router.Request request) {
        Conversation call = calls.get(request.param("id"))
                .orElseThrow(() -> ApiException.notFound("Conversation not found"));
        return Router.Reply.ok(callJson.conversation(call));
    }

    private Router.Reply list(CallFilter filter) {
        CallStore.Page page = calls.page(filter);
        ObjectNode data = json.object().put("total", page.total()).put("filtered", page.filtered());
        ArrayNode entries = data.putArray("calls");
        page.calls().forEach(call -> entries.add(callJson.listEntry(call)));
        return Router.Reply.ok(data);
    }
}
