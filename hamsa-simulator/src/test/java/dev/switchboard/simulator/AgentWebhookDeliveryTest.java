package dev.switchboard.simulator;

import static dev.switchboard.simulator.CallApiTest.callBody;
import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that name no webhook of their own, placed through the API or from outside Switchboard
 * (Hamsa's dashboard, a campaign), delivered to their agent's webhook like any call's.
 */
class AgentWebhookDeliveryTest extends SimulatorTestSupport {


    private WebhookReceiver agentHook;
    private WebhookReceiver callHook;
    private String agentId;

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(1_000, Duration.ofSeconds(60)).projectId("proj_test").callScript(FAST);
    }

    @BeforeEach
    void startReceivers() {
        agentHook = new WebhookReceiver();
        callHook = new WebhookReceiver();
        agentId = json(client.post("/v2/voice-agents", agentBody("Support Agent", webhook(agentHook, "agent-secret"))))
                .at("/data/id").asText();
    }

    @AfterEach
    void stopReceivers() {
        agentHook.close();
        callHook.close();
    }

    @Test
    void a_call_without_a_webhook_url_is_delivered_to_its_agents_webhook_with_the_agents_auth() {
        String jobId = call("\"params\": {\"application_id\": \"app-1\"}");

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        assertThat(agentHook.eventTypes()).containsExactlyElementsOf(COMPLETED_EVENTS);
        assertThat(agentHook.received()).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/hooks/hamsa");
            assertThat(request.header("Authorization")).isEqualTo("Bearer agent-secret");
            JsonNode event = request.json();
            assertThat(event.get("callId").asText()).isEqualTo(jobId);
            assertThat(event.get("projectId").asText()).isEqualTo("proj_test");
            assertThat(event.get("agentId").asText()).isEqualTo(agentId);
            assertThat(event.get("agentName").asText()).isEqualTo("Support Agent");
        });
        assertThat(agentHook.received().get(7).json().at("/data/data/outcomeResult/application_id").asText())
                .isEqualTo("app-1");
        SimulatedCall call = simulator.calls().get(0);
        assertThat(call.webhookUrl()).isEqualTo(agentHook.url().toString());
        assertThat(call.authorization()).isEqualTo("Bearer agent-secret");
        assertThat(call.webhookSource()).isEqualTo("AGENT");
        assertThat(call.channelType()).isEqualTo("PHONE");
    }

    @Test
    void the_calls_own_webhook_wins_over_the_agents_and_each_keeps_its_own_auth() {
        String own = call("\"webhookUrl\": \"" + callHook.url() + "\"");
        String agents = call("\"webhookAuth\": {\"authKey\": \"Bearer\", \"authSecret\": \"call-secret\"}");

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        assertThat(callHook.eventTypes()).containsExactlyElementsOf(COMPLETED_EVENTS);
        assertThat(callHook.received()).allSatisfy(request -> {
            assertThat(request.json().get("callId").asText()).isEqualTo(own);
            assertThat(request.header("Authorization")).isNull();
        });
        assertThat(agentHook.eventTypes()).containsExactlyElementsOf(COMPLETED_EVENTS);
        assertThat(agentHook.received()).allSatisfy(request -> {
            assertThat(request.json().get("callId").asText()).isEqualTo(agents);
            assertThat(request.header("Authorization")).isEqualTo("Bearer agent-secret");
        });
        assertThat(simulator.calls()).extracting(SimulatedCall::webhookSource).containsExactly("CALL", "AGENT");
    }

    @Test
    void reads_the_agents_webhook_when_the_call_is_placed() {
        simulator.setCallScript(FAST.withStepDelayMillis(20));
        String placed = call(null);
        patchAgent("{" + webhook(callHook, "rotated") + "}");
        String later = call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        assertThat(agentHook.received()).hasSize(8).allSatisfy(request -> {
            assertThat(request.json().get("callId").asText()).isEqualTo(placed);
            assertThat(request.header("Authorization")).isEqualTo("Bearer agent-secret");
        });
        assertThat(callHook.received()).hasSize(8).allSatisfy(request -> {
            assertThat(request.json().get("callId").asText()).isEqualTo(later);
            assertThat(request.header("Authorization")).isEqualTo("Bearer rotated");
        });
    }

    @Test
    void sends_nothing_once_the_agents_webhook_is_removed() {
        String before = call(null);
        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        patchAgent("{\"webhookUrl\": null}");

        String after = call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(agentHook.received()).hasSize(8)
                .allSatisfy(request -> assertThat(request.json().get("callId").asText()).isEqualTo(before));
        assertThat(simulator.webhookDeliveries()).extracting(WebhookDelivery::callId).containsOnly(before);
        SimulatedCall silent = simulator.calls().get(1);
        assertThat(silent.jobId()).isEqualTo(after);
        assertThat(silent.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(silent.webhookUrl()).isNull();
        assertThat(silent.webhookSource()).isNull();
    }

    @Test
    void copies_drops_and_retries_apply_to_the_agents_deliveries() {
        simulator.setCallScript(FAST.withCopies(2).withDropEventTypes(Set.of("tool.executed")));
        agentHook.answer(503, 500);
        String jobId = call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        List<String> types = agentHook.eventTypes();
        assertThat(types).hasSize(4 + 6 * 2).doesNotContain("tool.executed");
        assertThat(types.subList(0, 4)).containsOnly("call.started");
        List<WebhookDelivery> started = simulator.webhookDeliveries().stream()
                .filter(d -> d.eventType().equals("call.started")).toList();
        assertThat(started).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3, 1);
        assertThat(started).extracting(WebhookDelivery::status).containsExactly(503, 500, 200, 200);
        assertThat(started).extracting(WebhookDelivery::callId).containsOnly(jobId);
    }

    @Test
    void shuffles_and_scripts_outcomes_of_the_agents_deliveries() {
        simulator.setCallScript(FAST.withShuffle(true).withTranscriptTurns(12));
        String shuffled = call(null);
        String noAnswer = call("\"params\": {\"sim_outcome\": \"NO_ANSWER\"}");

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        List<JsonNode> events = agentHook.received().stream().map(WebhookReceiver.Received::json).toList();
        List<JsonNode> ofShuffled = events.stream().filter(e -> e.get("callId").asText().equals(shuffled)).toList();
        List<JsonNode> played = new ArrayList<>(ofShuffled);
        played.sort((x, y) -> x.get("timestamp").asText().compareTo(y.get("timestamp").asText()));
        assertThat(ofShuffled).hasSize(16).isNotEqualTo(played);
        assertThat(events.stream().filter(e -> e.get("callId").asText().equals(noAnswer))
                .map(e -> e.get("eventType").asText())).containsExactlyInAnyOrder("call.started", "call.ended");
        assertThat(conversation(noAnswer).get("status").asText()).isEqualTo("NO_ANSWER");
    }

    @Test
    void an_outside_call_plays_at_once_to_the_agents_webhook() {
        String jobId = simulator.placeOutsideCall(agentId, "+14155550123", Map.of("campaign_id", "c-1"));

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        assertThat(agentHook.eventTypes()).containsExactlyElementsOf(COMPLETED_EVENTS);
        assertThat(agentHook.received()).allSatisfy(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer agent-secret");
            assertThat(request.json().get("callId").asText()).isEqualTo(jobId);
            assertThat(request.json().get("agentId").asText()).isEqualTo(agentId);
        });
        JsonNode started = agentHook.received().get(0).json().at("/data/data");
        assertThat(started.get("toNumber").asText()).isEqualTo("+14155550123");
        assertThat(started.get("fromNumber").isNull()).isTrue();
        assertThat(agentHook.received().get(7).json().at("/data/data/outcomeResult/campaign_id").asText())
                .isEqualTo("c-1");
        JsonNode conversation = conversation(jobId);
        assertThat(conversation.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(conversation.get("channelType").asText()).isEqualTo("PHONE");
        assertThat(conversation.at("/callParams/campaign_id").asText()).isEqualTo("c-1");
        SimulatedCall call = simulator.calls().get(0);
        assertThat(call.webhookSource()).isEqualTo("AGENT");
        assertThat(call.params()).containsEntry("campaign_id", "c-1");
        // It was not an API request: nothing recorded, nothing counted.
        assertThat(simulator.recordedRequests("POST", "/v1/")).isEmpty();
    }

    @Test
    void places_an_outside_call_over_admin_http_and_refuses_unknown_agents_and_bad_fields() {
        HttpResponse<String> placed = admin("POST", "/_admin/outside-calls",
                "{\"voiceAgentId\": \"" + agentId + "\", \"toNumber\": \"+14155550123\", "
                        + "\"params\": {\"sim_outcome\": \"FAILED\"}}");

        assertThat(placed.statusCode()).isEqualTo(200);
        String jobId = json(placed).get("jobId").asText();
        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(agentHook.eventTypes()).containsExactly("call.started", "call.answered", "transcription.update",
                "call.ended");
        assertThat(conversation(jobId).get("status").asText()).isEqualTo("FAILED");

        HttpResponse<String> unknown = admin("POST", "/_admin/outside-calls",
                "{\"voiceAgentId\": \"nope\", \"toNumber\": \"+14155550123\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("10404");
        HttpResponse<String> badNumber = admin("POST", "/_admin/outside-calls",
                "{\"voiceAgentId\": \"" + agentId + "\", \"toNumber\": \"0555\"}");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(json(badNumber).at("/error/details/toNumber").asText()).contains("E.164");
        HttpResponse<String> ownHook = admin("POST", "/_admin/outside-calls", "{\"voiceAgentId\": \"" + agentId
                + "\", \"toNumber\": \"+14155550123\", \"webhookUrl\": \"" + callHook.url() + "\"}");
        assertThat(ownHook.statusCode()).isEqualTo(400);
        assertThat(json(ownHook).at("/error/details/webhookUrl").asText()).contains("unknown field");
        assertThat(simulator.calls()).hasSize(1);
    }

    @Test
    void an_outside_call_refuses_an_unknown_agent_and_a_bad_number_in_java() {
        assertThatThrownBy(() -> simulator.placeOutsideCall("nope", "+14155550123", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> simulator.placeOutsideCall(agentId, "0555", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toNumber");
        assertThatThrownBy(() -> simulator.placeOutsideCall(agentId, "+14155550123", Map.of("sim_outcome", "BUSY")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim_outcome");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void an_outside_call_of_an_agent_without_a_webhook_plays_and_sends_nothing() {
        String bare = json(client.post("/v2/voice-agents", agentBody("Bare"))).at("/data/id").asText();

        String jobId = simulator.placeOutsideCall(bare, "+14155550123", null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(conversation(jobId).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(simulator.webhookDeliveries()).isEmpty();
        assertThat(agentHook.received()).isEmpty();
    }

    static String webhook(WebhookReceiver receiver, String secret) {
        return "\"webhookUrl\": \"" + receiver.url() + "\", "
                + "\"webhookAuth\": {\"authKey\": \"Bearer\", \"authSecret\": \"" + secret + "\"}";
    }

    private String call(String extra) {
        HttpResponse<String> response = client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", extra));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).at("/data/jobId").asText();
    }

    private void patchAgent(String body) {
        assertThat(client.patch("/v2/voice-agents/" + agentId, body).statusCode()).isEqualTo(200);
    }

    private JsonNode conversation(String jobId) {
        return json(client.get("/v1/voice-agents/conversation/" + jobId)).get("data");
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return client.send(method, path, body, null);
    }
}
