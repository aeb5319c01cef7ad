package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls, agents and Hamsa events as the tests of the call use cases need them. Shapes follow Hamsa's integration
 * guide (its {@code call.ended} example) and docs/design/HAMSA-API.md.
 */
public final class CallFixtures {

    public static final String HAMSA_AGENT = "agent_xyz789";
    public static final String HAMSA_PROJECT = "proj_abc123";
    public static final String HAMSA_CALL = "call_uuid_12345";
    public static final String RECORDING = "https://storage.tryhamsa.com/recordings/conv-123.mp3";
    public static final String CONVERSATION = "conv-123-abc-456-def";

    /** The guide's four turns, in order, as speaker and text. */
    public static final List<List<String>> TURNS = List.of(
            List.of("Agent", "Hello! How can I help you today?"),
            List.of("User", "I need help with my order."),
            List.of("Agent", "I'd be happy to help. What's your order number?"),
            List.of("User", "It's ORD-12345."));

    private CallFixtures() {
    }

    public static VoiceAgent agent(TeamId team, Instant at) {
        return agent(team, HAMSA_AGENT, at);
    }

    public static VoiceAgent agent(TeamId team, String hamsaAgentId, Instant at) {
        return new VoiceAgent(VoiceAgentId.newId(), team, new HamsaAgentId(hamsaAgentId),
                new AgentSettings("Support", "Hello!", "You help customers.", "en-US", "voice-1"), null, at, at, 1);
    }

    /** A new QUEUED call of the guide's application, with the params the guide gives at call start. */
    public static Call queued(TeamId team, Instant at) {
        return Call.queued(CallId.newId(), team, agent(team, at), "+15551234567", "+15557654321", startParams(), null, at);
    }

    public static Map<String, Object> startParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("application_id", "12345");
        params.put("user_id", "user-789");
        params.put("session_id", "sess-abc-def");
        return params;
    }

    /** The guide's {@code outcomeResult}, without the correlation key Switchboard adds. */
    public static Map<String, Object> outcomeResult() {
        Map<String, Object> outcome = startParams();
        outcome.put("order_number", "ORD-12345");
        outcome.put("issue_type", "order_inquiry");
        outcome.put("resolved", true);
        outcome.put("sentiment_score", 0.8);
        return outcome;
    }

    /** The guide's {@code transcription}: one-entry objects {@code {"Agent": "..."}}. */
    public static List<Object> transcription() {
        return TURNS.stream().<Object>map(t -> Map.of(t.get(0), t.get(1))).toList();
    }

    /** The inner object ({@code data.data}) of the guide's {@code call.ended}, Hamsa echoing the correlation key. */
    public static Map<String, Object> endedPayload(CallId id) {
        Map<String, Object> outcome = outcomeResult();
        outcome.put(Call.CORRELATION_PARAM, id.toString());
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("conversationId", CONVERSATION);
        inner.put("conversationRecording", RECORDING);
        inner.put("transcription", transcription());
        inner.put("outcomeResult", outcome);
        inner.put("callDuration", 45);
        return inner;
    }

    public static Map<String, Object> update(String speaker, String text, Integer index) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("speaker", speaker);
        p.put("text", text);
        if (index != null) {
            p.put("index", index);
        }
        return p;
    }

    public static HamsaEvent event(String type, Instant at, Map<String, Object> payload) {
        return new HamsaEvent(type, HAMSA_CALL, at, HAMSA_PROJECT, HAMSA_AGENT, payload, HamsaEvent.SOURCE_WEBHOOK);
    }

    /** Hamsa's envelope, nesting the event's fields one level down as the guide shows. */
    public static Map<String, Object> envelope(String type, String timestamp, Map<String, Object> inner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("timestamp", timestamp);
        data.put("data", inner);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventType", type);
        envelope.put("callId", HAMSA_CALL);
        envelope.put("timestamp", timestamp);
        envelope.put("projectId", HAMSA_PROJECT);
        envelope.put("agentId", HAMSA_AGENT);
        envelope.put("agentName", "Customer Support Agent");
        envelope.put("data", data);
        return envelope;
    }
}
