package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Placing calls, starting web conversations and reading conversations. Handlers return the
 * {@code data} payload; the gateway adds the envelope.
 */
final class CallHandlers {

    private final CallStore calls;
    private final CallPlacer placer;
    private final CallJson callJson;
    private final Json json;

    CallHandlers(CallStore calls, CallPlacer placer, Json json) {
        this.calls = calls;
        this.placer = placer;
        this.callJson = new CallJson(json);
        this.json = json;
    }

    Router routes(Router router) {
        return router
                .add("POST", "/v1/voice-agents/call", this::call)
                .add("POST", "/v1/voice-agents/phone-number/call", this::call)
                .add("POST", "/v1/voice-agents/conversation-init", this::conversationInit)
                .add("GET", "/v1/voice-agents/conversation/{id}", this::conversation)
                .add("GET", "/v1/voice-agents/conversations/minimal-list",
                        request -> list(CallFilter.fromQuery(request.query())))
                .add("POST", "/v1/voice-agents/conversations/list",
                        request -> list(CallFilter.fromBody(json.parseObject(request.body()))));
    }

    private Router.Reply call(Router.Request request) {
        Conversation call = placer.placeCall(CallInput.parse(json.parseObject(request.body())));
        return Router.Reply.ok(json.object().put("voiceAgentId", call.voiceAgentId()).put("jobId", call.id()));
    }

    /** Answers {@code data{jobId}} only, as Hamsa's documentation shows; nothing plays until a browser joins. */
    private Router.Reply conversationInit(Router.Request request) {
        Conversation conversation = placer.initWebConversation(
                WebConversationInput.parse(json.parseObject(request.body())));
        return Router.Reply.ok(json.object().put("jobId", conversation.id()));
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
