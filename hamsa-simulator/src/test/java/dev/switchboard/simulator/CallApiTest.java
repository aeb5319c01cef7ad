package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placing calls and reading conversations, without webhooks. */
class CallApiTest extends SimulatorTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.clock(clock).rateLimit(1_000, Duration.ofSeconds(60))
                .callScript(CallScript.defaults().withStepDelayMillis(1));
    }

    @Test
    void places_a_call_and_answers_its_job_id() {
        String agentId = agent("Caller");

        HttpResponse<String> response = client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100",
                "\"params\": {\"application_id\": \"app-1\", \"nested\": {\"n\": 1}}"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data.get("voiceAgentId").asText()).isEqualTo(agentId);
        assertThat(data.get("jobId").asText()).matches("[0-9a-f-]{36}");
        assertThat(simulator.recordedRequests("POST", "/v1/voice-agents/call")).hasSize(1);
        List<SimulatedCall> calls = simulator.calls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).jobId()).isEqualTo(data.get("jobId").asText());
        assertThat(calls.get(0).params()).containsEntry("application_id", "app-1")
                .containsEntry("nested", Map.of("n", 1));
        assertThat(calls.get(0).webhookUrl()).isNull();
        assertThat(calls.get(0).authorization()).isNull();
        assertThat(calls.get(0).createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void serves_the_phone_number_route_with_the_same_handler() {
        String agentId = agent("Caller");

        HttpResponse<String> response = client.post("/v1/voice-agents/phone-number/call",
                callBody(agentId, "+14155550100", "\"fromNumber\": \"+971501234567\""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.calls()).hasSize(1);
    }

    @Test
    void validates_the_call_body() {
        String agentId = agent("Caller");

        HttpResponse<String> missing = client.post("/v1/voice-agents/call", "{\"voiceAgentId\": \"" + agentId + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("10400");
        assertThat(json(missing).at("/error/details/toNumber").asText()).isEqualTo("is required");

        HttpResponse<String> badNumbers = client.post("/v1/voice-agents/call",
                callBody(agentId, "0555 1234", "\"fromNumber\": \"+0123456789\""));
        assertThat(badNumbers.statusCode()).isEqualTo(400);
        assertThat(json(badNumbers).at("/error/details/toNumber").asText()).contains("E.164");
        assertThat(json(badNumbers).at("/error/details/fromNumber").asText()).contains("E.164");

        HttpResponse<String> badFields = client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100",
                "\"params\": [1], \"webhookUrl\": \"ftp://example.com/x\", \"webhookAuth\": {\"authKey\": \"Bearer\"}"));
        assertThat(badFields.statusCode()).isEqualTo(400);
        assertThat(json(badFields).at("/error/details/params").asText()).isEqualTo("must be an object");
        assertThat(json(badFields).at("/error/details/webhookUrl").asText()).contains("absolute http");
        assertThat(json(badFields).at("/error/details/webhookAuth.authSecret").asText()).isEqualTo("is required");

        HttpResponse<String> relative = client.post("/v1/voice-agents/call",
                callBody(agentId, "+14155550100", "\"webhookUrl\": \"/hooks\""));
        assertThat(relative.statusCode()).isEqualTo(400);

        HttpResponse<String> badOutcome = client.post("/v1/voice-agents/call",
                callBody(agentId, "+14155550100", "\"params\": {\"sim_outcome\": \"BUSY\"}"));
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(json(badOutcome).at("/error/details/params.sim_outcome").asText()).contains("NO_ANSWER");

        assertThat(client.post("/v1/voice-agents/call", "[]").statusCode()).isEqualTo(400);
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void answers_404_for_an_unknown_agent() {
        HttpResponse<String> response = client.post("/v1/voice-agents/call", callBody("nope", "+14155550100", null));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10404");
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void goes_through_the_gateway_auth_and_scripted_failures() {
        String agentId = agent("Caller");

        assertThat(client.send("POST", "/v1/voice-agents/call", callBody(agentId, "+14155550100", null), "Token bad")
                .statusCode()).isEqualTo(403);
        simulator.failNext(503);
        assertThat(client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", null)).statusCode())
                .isEqualTo(503);
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void shows_a_conversation_through_to_its_final_state() {
        String agentId = agent("Caller");
        String jobId = call(agentId, "\"params\": {\"user_id\": \"u-7\"}");

        assertThat(simulator.awaitWebhooksIdle(Duration.ofSeconds(5))).isTrue();

        HttpResponse<String> response = client.get("/v1/voice-agents/conversation/" + jobId);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode conversation = json(response).get("data");
        assertThat(conversation.get("id").asText()).isEqualTo(jobId);
        assertThat(conversation.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(conversation.get("voiceAgentId").asText()).isEqualTo(agentId);
        assertThat(conversation.get("mediaUrl").asText())
                .isEqualTo("https://storage.tryhamsa.com/recordings/" + jobId + ".mp3");
        assertThat(conversation.at("/callParams/user_id").asText()).isEqualTo("u-7");
        assertThat(conversation.get("callDuration").asInt()).isPositive();
        assertThat(conversation.get("channelType").asText()).isEqualTo("PHONE");
        assertThat(conversation.at("/callAnalysis/user_id").asText()).isEqualTo("u-7");
        assertThat(conversation.at("/callAnalysis/resolved").asBoolean()).isTrue();
        assertThat(conversation.get("logs").isArray()).isTrue();
        assertThat(conversation.at("/jobResponse/transcription")).hasSize(4);
        assertThat(conversation.at("/jobResponse/transcription/0/Agent").asText()).isEqualTo("Agent line 1");
        assertThat(conversation.at("/jobResponse/transcription/1/User").asText()).isEqualTo("User line 1");
        assertThat(conversation.at("/jobResponse/outcomeResult/sentiment_score").asDouble()).isEqualTo(0.8);
        assertThat(conversation.at("/jobResponse/failureReason").isNull()).isTrue();
        assertThat(conversation.get("createdAt").asText()).isEqualTo("2025-03-01T10:00:00.000Z");

        HttpResponse<String> unknown = client.get("/v1/voice-agents/conversation/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("10404");
    }

    @Test
    void plays_nothing_when_auto_play_is_off() {
        simulator.setCallScript(CallScript.defaults().withAutoPlay(false).withStepDelayMillis(1));
        String jobId = call(agent("Caller"), null);

        assertThat(simulator.awaitWebhooksIdle(Duration.ofMillis(1))).isTrue();
        JsonNode conversation = json(client.get("/v1/voice-agents/conversation/" + jobId)).get("data");
        assertThat(conversation.get("status").asText()).isEqualTo("PENDING");
        assertThat(conversation.at("/jobResponse/transcription")).isEmpty();
        assertThat(conversation.get("callAnalysis").isNull()).isTrue();
        assertThat(simulator.calls().get(0).status()).isEqualTo(CallStatus.PENDING);
    }

    @Test
    void lists_calls_newest_first_with_filters_and_pages() {
        simulator.setCallScript(CallScript.defaults().withAutoPlay(false));
        String a = agent("A");
        String b = agent("B");
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(call(i % 2 == 0 ? a : b, "\"params\": {\"i\": " + i + "}"));
            clock.advance(Duration.ofMinutes(1));
        }

        JsonNode all = json(client.get("/v1/voice-agents/conversations/minimal-list")).get("data");
        assertThat(all.get("total").asInt()).isEqualTo(5);
        assertThat(all.get("filtered").asInt()).isEqualTo(5);
        assertThat(ids(all)).containsExactly(jobs.get(4), jobs.get(3), jobs.get(2), jobs.get(1), jobs.get(0));
        assertThat(all.at("/calls/0/status").asText()).isEqualTo("PENDING");
        assertThat(all.at("/calls/0/voiceAgentId").asText()).isEqualTo(a);
        assertThat(all.at("/calls/0/callParams/i").asInt()).isEqualTo(4);
        assertThat(all.at("/calls/0/createdAt").asText()).isEqualTo("2025-03-01T10:04:00.000Z");

        JsonNode ofA = json(client.get("/v1/voice-agents/conversations/minimal-list?voiceAgentId=" + a
                + "&perPage=2&page=2")).get("data");
        assertThat(ofA.get("total").asInt()).isEqualTo(5);
        assertThat(ofA.get("filtered").asInt()).isEqualTo(3);
        assertThat(ids(ofA)).containsExactly(jobs.get(0));

        JsonNode window = json(client.get("/v1/voice-agents/conversations/minimal-list"
                + "?startTime=2025-03-01T10:01:00Z&endTime=2025-03-01T10:03:00Z")).get("data");
        assertThat(ids(window)).containsExactly(jobs.get(2), jobs.get(1));

        JsonNode byStatus = json(client.get("/v1/voice-agents/conversations/minimal-list?status=COMPLETED"))
                .get("data");
        assertThat(byStatus.get("filtered").asInt()).isZero();

        JsonNode posted = json(client.post("/v1/voice-agents/conversations/list",
                "{\"voiceAgentId\": \"" + b + "\", \"status\": \"PENDING\", \"page\": 1, \"perPage\": 1}"))
                .get("data");
        assertThat(posted.get("filtered").asInt()).isEqualTo(2);
        assertThat(ids(posted)).containsExactly(jobs.get(3));
    }

    @Test
    void rejects_bad_list_parameters() {
        assertThat(client.get("/v1/voice-agents/conversations/minimal-list?perPage=201").statusCode()).isEqualTo(400);
        assertThat(client.get("/v1/voice-agents/conversations/minimal-list?perPage=200").statusCode()).isEqualTo(200);
        assertThat(client.get("/v1/voice-agents/conversations/minimal-list?page=0").statusCode()).isEqualTo(400);
        HttpResponse<String> badTime = client.get("/v1/voice-agents/conversations/minimal-list?startTime=yesterday");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(json(badTime).at("/error/details/startTime").asText()).contains("ISO-8601");
        assertThat(client.get("/v1/voice-agents/conversations/minimal-list?status=DONE").statusCode()).isEqualTo(400);
        assertThat(client.post("/v1/voice-agents/conversations/list", "{\"perPage\": 500}").statusCode())
                .isEqualTo(400);
        assertThat(client.post("/v1/voice-agents/conversations/list", "{\"page\": \"2\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void loses_the_next_answer_after_the_call_was_placed() throws Exception {
        String agentId = agent("Caller");
        simulator.loseNextAnswer();
        HttpRequest request = client.request("POST", "/v1/voice-agents/call", callBody(agentId, "+14155550100", null),
                "Token " + simulator.apiKey()).build();

        assertThatThrownBy(() -> client.sendRaw(request)).isInstanceOf(IOException.class);

        assertThat(simulator.calls()).hasSize(1);
        List<RecordedRequest> recorded = simulator.recordedRequests("POST", "/v1/voice-agents/call");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).status()).isEqualTo(RecordedRequest.DROPPED);
        // Only the next one: the one after is answered again.
        assertThat(client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", null)).statusCode())
                .isEqualTo(200);
        assertThat(simulator.calls()).hasSize(2);
    }

    @Test
    void loses_the_next_answer_when_asked_over_http() {
        String agentId = agent("Caller");

        HttpResponse<String> armed = client.send("POST", "/_admin/faults/lose-next-answer", null, null);

        assertThat(armed.statusCode()).isEqualTo(200);
        HttpRequest request = client.request("POST", "/v1/voice-agents/call", callBody(agentId, "+14155550100", null),
                "Token " + simulator.apiKey()).build();
        assertThatThrownBy(() -> client.sendRaw(request)).isInstanceOf(IOException.class);
        assertThat(simulator.calls()).hasSize(1);
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.get("calls").forEach(call -> ids.add(call.get("id").asText()));
        return ids;
    }

    private String agent(String name) {
        return json(client.post("/v2/voice-agents", agentBody(name))).at("/data/id").asText();
    }

    private String call(String agentId, String extra) {
        HttpResponse<String> response = client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", extra));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).at("/data/jobId").asText();
    }

    static String callBody(String agentId, String toNumber, String extra) {
        return "{\"voiceAgentId\": \"" + agentId + "\", \"toNumber\": \"" + toNumber + "\""
                + (extra == null ? "" : ", " + extra) + "}";
    }
}
