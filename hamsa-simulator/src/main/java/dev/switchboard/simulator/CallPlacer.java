package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creates conversations, whoever starts them: a call placed through the API, a web conversation a
 * browser will join, a call started from Hamsa's dashboard or a campaign. Each one's webhook is
 * settled here, from the call and its agent as they are at that moment; the lifecycle and the one
 * dispatcher then treat them all alike.
 */
final class CallPlacer {

    private static final Set<String> OUTSIDE_CALL_FIELDS = Set.of("voiceAgentId", "toNumber", "params");

    private final AgentStore agents;
    private final CallStore calls;
    private final CallLifecycle lifecycle;
    private final Clock clock;

    CallPlacer(AgentStore agents, CallStore calls, CallLifecycle lifecycle, Clock clock) {
        this.agents = agents;
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** {@code POST /v1/voice-agents/call}: its own webhook, else its agent's; played at once. */
    Conversation placeCall(CallInput input) {
        Agent agent = agent(input.voiceAgentId());
        return play(add(agent, Conversation.Channel.PHONE, input,
                WebhookTarget.of(input.webhookUrl(), input.webhookAuth(), agent)));
    }

    /**
     * A call Switchboard did not place (dashboard, campaign), {@code {voiceAgentId, toNumber,
     * params?}} validated as a placed call's: no webhook of its own, so its agent's; played at once.
     * Other fields are refused, so nobody expects a webhookUrl given here to be used.
     *
     * @throws ApiException 400 for a bad field, 404 for an unknown agent
     */
    Conversation placeOutsideCall(JsonNode body) {
        Map<String, String> unknown = new LinkedHashMap<>();
        JsonFields.refuseUnknown(body, OUTSIDE_CALL_FIELDS, unknown);
        if (!unknown.isEmpty()) {
            throw ApiException.validation(unknown);
        }
        CallInput input = CallInput.parse(body);
        Agent agent = agent(input.voiceAgentId());
        return play(add(agent, Conversation.Channel.PHONE, input, WebhookTarget.ofAgent(agent)));
    }

    /** {@code POST /v1/voice-agents/conversation-init}: the agent's webhook; PENDING until {@link #join}. */
    Conversation initWebConversation(WebConversationInput input) {
        Agent agent = agent(input.voiceAgentId());
        return calls.add(new Conversation(calls.nextSequence(), newJobId(), agent, Conversation.Channel.WEB,
                null, null, input.params(), null, input.outcome(), WebhookTarget.ofAgent(agent), now()));
    }

    /**
     * A browser joins a web conversation: it plays from now, by the script in effect now.
     *
     * @throws ApiException 404 when unknown, 409 when it is not a web conversation or was joined already
     */
    Conversation join(String jobId) {
        Conversation conversation = calls.get(jobId)
                .orElseThrow(() -> ApiException.notFound("Conversation not found"));
        if (conversation.channel() != Conversation.Channel.WEB) {
            throw ApiException.conflict("Not a web conversation: a phone call plays when it is placed");
        }
        if (!conversation.begin(lifecycle.script())) {
            throw ApiException.conflict("Conversation already joined");
        }
        lifecycle.accept(conversation);
        return conversation;
    }

    private Conversation add(Agent agent, Conversation.Channel channel, CallInput input, WebhookTarget webhook) {
        return calls.add(new Conversation(calls.nextSequence(), newJobId(), agent, channel, input.toNumber(),
                input.fromNumber(), input.params(), input.agentDetails(), input.outcome(), webhook, now()));
    }

    private Conversation play(Conversation call) {
        call.begin(lifecycle.script());
        lifecycle.accept(call);
        return call;
    }

    private Agent agent(String id) {
        return agents.get(id).orElseThrow(() -> ApiException.notFound("Voice agent not found"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newJobId() {
        return UUID.randomUUID().toString();
    }
}
