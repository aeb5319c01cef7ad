package dev.switchboard.simulator;

import static dev.switchboard.simulator.AgentWebhookDeliveryTest.webhook;
import static dev.switchboard.simulator.CallApiTest.callBody;
import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Web conversations ({@code POST /v1/voice-agents/conversation-init}): they wait for a browser to
 * join, then play like a call, to their agent's webhook.
 */
class WebConversationTest extends SimulatorTestSupport {


    private WebhookReceiver agentHook;
    private String agentId;

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(1_000, Duration.ofSeconds(60)).callScript(FAST);
    }

    @BeforeEach
    void startReceiver() {
        agentHook = new WebhookReceiver();
        agentId = json(client.post("/v2/voice-agents", agentBody("Web Agent", webhook(agentHook, "web-secret"))))
                .at("/data/id").asText();
    }

    @AfterEach
    void stopReceiver() {
        agentHook.close();
    }

    @Test
    void starts_a_web_conversation_that_waits_for_a_browser() {
        HttpResponse<String> response = init("\"params\": {\"session_id\": \"s-1\"}, \"voiceEnablement\": true, "
                + "\"tools\": [{\"function_name\": \"getWeather\"}]");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data).hasSize(1);
        String jobId = data.get("jobId").asText();
        assertThat(jobId).matches("[0-9a-f-]{36}");
        // A phone call placed after it plays through; the web conversation, given the same time, does not.
        client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", "\"params\": {\"phone\": true}"));
        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        JsonNode conversation = conversation(jobId);
        assertThat(conversation.get("status").asText()).isEqualTo("PENDING");
        assertThat(conversation.get("channelType").asText()).isEqualTo("WEB");
        assertThat(conversation.get("voiceAgentId").asText()).isEqualTo(agentId);
        assertThat(conversation.at("/callParams/session_id").asText()).isEqualTo("s-1");
        assertThat(conversation.at("/jobResponse/transcription")).isEmpty();
        assertThat(agentHook.received()).noneMatch(r -> r.json().get("callId").asText().equals(jobId));
        JsonNode listed = json(client.get("/v1/voice-agents/conversations/minimal-list")).at("/data/calls");
        assertThat(listed.get(1).get("id").asText()).isEqualTo(jobId);
        assertThat(listed.get(1).get("channelType").asText()).isEqualTo("WEB");
        assertThat(listed.get(1).get("status").asText()).isEqualTo("PENDING");
        assertThat(listed.get(0).get("channelType").asText()).isEqualTo("PHONE");
        SimulatedCall held = simulator.calls().get(0);
        assertThat(held.channelType()).isEqualTo("WEB");
        assertThat(held.webhookUrl()).isEqualTo(agentHook.url().toString());
        assertThat(held.webhookSource()).isEqualTo("AGENT");
    }

    @Test
    void plays_a_joined_conversation_to_the_agents_webhook() {
        String jobId = jobId(init("\"params\": {\"session_id\": \"s-2\"}"));

        simulator.joinConversation(jobId);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(agentHook.eventTypes()).containsExactlyElementsOf(COMPLETED_EVENTS);
        assertThat(agentHook.received()).allSatisfy(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer web-secret");
            JsonNode event = request.json();
            assertThat(event.get("callId").asText()).isEqualTo(jobId);
            assertThat(event.get("agentId").asText()).isEqualTo(agentId);
            assertThat(event.get("agentName").asText()).isEqualTo("Web Agent");
        });
        JsonNode started = agentHook.received().get(0).json().at("/data/data");
        assertThat(started.get("conversationId").asText()).isEqualTo(jobId);
        assertThat(started.get("toNumber").isNull()).isTrue();
        assertThat(started.get("fromNumber").isNull()).isTrue();
        assertThat(agentHook.received().get(7).json().at("/data/data/outcomeResult/session_id").asText())
                .isEqualTo("s-2");

        JsonNode conversation = conversation(jobId);
        assertThat(conversation.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(conversation.get("channelType").asText()).isEqualTo("WEB");
        assertThat(conversation.at("/callAnalysis/session_id").asText()).isEqualTo("s-2");
        assertThat(conversation.at("/jobResponse/transcription")).hasSize(4);
        JsonNode completed = json(client.get("/v1/voice-agents/conversations/minimal-list?status=COMPLETED"))
                .at("/data/calls");
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).get("channelType").asText()).isEqualTo("WEB");
    }

    @Test
    void plays_by_the_script_in_effect_when_joined_and_lets_params_choose_the_outcome() {
        simulator.setCallScript(FAST.withOutcome(CallScript.Outcome.NO_ANSWER));
        String scripted = jobId(init(null));
        String chosen = jobId(init("\"params\": {\"sim_outcome\": \"FAILED\"}"));
        simulator.setCallScript(FAST.withCopies(2));

        simulator.joinConversation(scripted);
        simulator.joinConversation(chosen);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(conversation(scripted).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(conversation(chosen).get("status").asText()).isEqualTo("FAILED");
        assertThat(agentHook.received().stream().filter(r -> r.json().get("callId").asText().equals(scripted)))
                .hasSize(COMPLETED_EVENTS.size() * 2);
        assertThat(agentHook.received().stream().filter(r -> r.json().get("callId").asText().equals(chosen)))
                .hasSize(4 * 2);
    }

    @Test
    void joins_over_admin_http_once_and_only_a_web_conversation() {
        String jobId = jobId(init(null));
        String phone = json(client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", null)))
                .at("/data/jobId").asText();

        HttpResponse<String> joined = admin("/_admin/conversations/" + jobId + "/join");

        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(json(joined).get("jobId").asText()).isEqualTo(jobId);
        HttpResponse<String> again = admin("/_admin/conversations/" + jobId + "/join");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/error/code").asText()).isEqualTo("10409");
        assertThat(admin("/_admin/conversations/" + phone + "/join").statusCode()).isEqualTo(409);
        HttpResponse<String> unknown = admin("/_admin/conversations/nope/join");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("10404");

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(conversation(jobId).get("status").asText()).isEqualTo("COMPLETED");
        // Played once, however often it was joined.
        assertThat(agentHook.received().stream().filter(r -> r.json().get("callId").asText().equals(jobId)))
                .hasSize(COMPLETED_EVENTS.size());
    }

    @Test
    void joins_in_java_once_and_only_a_web_conversation() {
        String jobId = jobId(init(null));
        String phone = json(client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", null)))
                .at("/data/jobId").asText();

        simulator.joinConversation(jobId);

        assertThatThrownBy(() -> simulator.joinConversation(jobId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already joined");
        assertThatThrownBy(() -> simulator.joinConversation(phone)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Not a web conversation");
        assertThatThrownBy(() -> simulator.joinConversation("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_joined_conversation_of_an_agent_without_a_webhook_plays_and_sends_nothing() {
        String bare = json(client.post("/v2/voice-agents", agentBody("Bare"))).at("/data/id").asText();
        String jobId = jobId(client.post("/v1/voice-agents/conversation-init", "{\"voiceAgentId\": \"" + bare + "\"}"));

        simulator.joinConversation(jobId);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(conversation(jobId).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(simulator.webhookDeliveries()).isEmpty();
        assertThat(simulator.calls().get(0).webhookSource()).isNull();
    }

    @Test
    void validates_the_init_body_and_404s_an_unknown_agent() {
        HttpResponse<String> missing = client.post("/v1/voice-agents/conversation-init", "{\"params\": {}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("10400");
        assertThat(json(missing).at("/error/details/voiceAgentId").asText()).isEqualTo("is required");

        HttpResponse<String> bad = init("\"params\": [1], \"voiceEnablement\": \"yes\", \"tools\": {}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode details = json(bad).at("/error/details");
        assertThat(details.get("params").asText()).isEqualTo("must be an object");
        assertThat(details.get("voiceEnablement").asText()).isEqualTo("must be true or false");
        assertThat(details.get("tools").asText()).isEqualTo("must be an array");
        assertThat(init("\"params\": {\"sim_outcome\": \"BUSY\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = client.post("/v1/voice-agents/conversation-init", "{\"voiceAgentId\": \"nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("10404");
        assertThat(json(unknown).at("/error/message").asText()).isEqualTo("Voice agent not found");
        assertThat(simulator.calls()).isEmpty();

        assertThat(init("\"params\": null, \"voiceEnablement\": false, \"tools\": []").statusCode()).isEqualTo(200);
    }

    @Test
    void goes_through_the_gateway_counted_against_the_rate_limit_and_recorded() {
        simulator.setRateLimit(1, Duration.ofSeconds(60));

        assertThat(init(null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = init(null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(simulator.calls()).hasSize(1);
        assertThat(simulator.rateLimitStats().allowed()).isEqualTo(1);
        assertThat(simulator.rateLimitStats().refused()).isEqualTo(1);
        assertThat(simulator.recordedRequests("POST", "/v1/voice-agents/conversation-init"))
                .extracting(RecordedRequest::status).containsExactly(200, 429);
        assertThat(client.send("POST", "/v1/voice-agents/conversation-init",
                "{\"voiceAgentId\": \"" + agentId + "\"}", "Token bad").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> init(String extra) {
        return client.post("/v1/voice-agents/conversation-init",
                "{\"voiceAgentId\": \"" + agentId + "\"" + (extra == null ? "" : ", " + extra) + "}");
    }

    private static String jobId(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).at("/data/jobId").asText();
    }

    private JsonNode conversation(String jobId) {
        return json(client.get("/v1/voice-agents/conversation/" + jobId)).get("data");
    }

    private HttpResponse<String> admin(String path) {
        return client.send("POST", path, null, null);
    }
}
