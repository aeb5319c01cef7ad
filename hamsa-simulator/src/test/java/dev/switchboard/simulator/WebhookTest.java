package dev.switchboard.simulator;

import static dev.switchboard.simulator.CallApiTest.callBody;
import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls played to a real receiver: events, envelopes, headers, outcomes, copies, shuffles, drops and retries. */
class WebhookTest extends SimulatorTestSupport {

    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final CallScript FAST = CallScript.defaults().withStepDelayMillis(2).withRetries(5, 5);
    private static final List<String> COMPLETED_EVENTS = List.of("call.started", "call.answered",
            "transcription.update", "transcription.update", "transcription.update", "transcription.update",
            "tool.executed", "call.ended");

    private WebhookReceiver receiver;
    private String agentId;

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(1_000, Duration.ofSeconds(60)).projectId("proj_test").callScript(FAST);
    }

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
        agentId = json(client.post("/v2/voice-agents", agentBody("Support Agent"))).at("/data/id").asText();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void plays_a_completed_call_to_the_receiver_in_order() {
        String jobId = call("\"fromNumber\": \"+971501234567\", "
                + "\"params\": {\"application_id\": \"app-1\", \"user_id\": \"u-9\"}, "
                + "\"webhookAuth\": {\"authKey\": \"Bearer\", \"authSecret\": \"s3cret-token\"}");

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(receiver.eventTypes()).containsExactlyElementsOf(COMPLETED_EVENTS);
        Instant previous = Instant.MIN;
        for (WebhookReceiver.Received request : received) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/hooks/hamsa");
            assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret-token");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("User-Agent")).isEqualTo("hamsa-simulator");
            JsonNode event = request.json();
            assertThat(event.get("callId").asText()).isEqualTo(jobId);
            assertThat(event.get("projectId").asText()).isEqualTo("proj_test");
            assertThat(event.get("agentId").asText()).isEqualTo(agentId);
            assertThat(event.get("agentName").asText()).isEqualTo("Support Agent");
            String timestamp = event.get("timestamp").asText();
            assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(event.at("/data/timestamp").asText()).isEqualTo(timestamp);
            Instant at = Instant.parse(timestamp);
            assertThat(at).isAfterOrEqualTo(previous.plusMillis(1));
            previous = at;
        }

        JsonNode started = received.get(0).json().at("/data/data");
        assertThat(started.get("conversationId").asText()).isEqualTo(jobId);
        assertThat(started.get("toNumber").asText()).isEqualTo("+14155550100");
        assertThat(started.get("fromNumber").asText()).isEqualTo("+971501234567");
        assertThat(received.get(1).json().at("/data/data/conversationId").asText()).isEqualTo(jobId);
        for (int i = 0; i < 4; i++) {
            JsonNode line = received.get(2 + i).json().at("/data/data");
            assertThat(line.get("index").asInt()).isEqualTo(i);
            assertThat(line.get("speaker").asText()).isEqualTo(i % 2 == 0 ? "Agent" : "User");
            assertThat(line.get("text").asText()).isEqualTo(line.get("speaker").asText() + " line " + (i / 2 + 1));
        }
        JsonNode tool = received.get(6).json().at("/data/data");
        assertThat(tool.get("toolName").asText()).isEqualTo("lookup_order");
        assertThat(tool.get("input").isObject()).isTrue();
        assertThat(tool.get("output").isObject()).isTrue();
        assertThat(tool.get("durationMs").isIntegralNumber()).isTrue();

        JsonNode ended = received.get(7).json().at("/data/data");
        assertThat(ended.get("conversationId").asText()).isEqualTo(jobId);
        assertThat(ended.get("conversationRecording").asText())
                .isEqualTo("https://storage.tryhamsa.com/recordings/" + jobId + ".mp3");
        assertThat(ended.get("transcription")).hasSize(4);
        assertThat(ended.at("/transcription/0/Agent").asText()).isEqualTo("Agent line 1");
        assertThat(ended.at("/transcription/3/User").asText()).isEqualTo("User line 2");
        assertThat(ended.at("/outcomeResult/application_id").asText()).isEqualTo("app-1");
        assertThat(ended.at("/outcomeResult/user_id").asText()).isEqualTo("u-9");
        assertThat(ended.at("/outcomeResult/resolved").asBoolean()).isTrue();
        assertThat(ended.at("/outcomeResult/sentiment_score").asDouble()).isEqualTo(0.8);
        assertThat(ended.get("callDuration").asInt()).isPositive();
        assertThat(ended.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ended.has("failureReason")).isFalse();

        assertThat(simulator.webhookDeliveries()).hasSize(8)
                .allSatisfy(delivery -> {
                    assertThat(delivery.callId()).isEqualTo(jobId);
                    assertThat(delivery.attempt()).isEqualTo(1);
                    assertThat(delivery.status()).isEqualTo(200);
                });
        assertThat(simulator.calls().get(0).status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(simulator.calls().get(0).authorization()).isEqualTo("Bearer s3cret-token");
    }

    @Test
    void sends_no_authorization_header_without_webhook_auth() {
        call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(receiver.received()).hasSize(8).allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void plays_no_answer_and_failed_calls_and_lets_params_choose_the_outcome() {
        simulator.setCallScript(FAST.withOutcome(CallScript.Outcome.NO_ANSWER));
        String noAnswer = call("\"params\": {\"k\": \"v\"}");
        String failed = call("\"params\": {\"sim_outcome\": \"FAILED\"}");
        String completed = call("\"params\": {\"sim_outcome\": \"COMPLETED\"}");

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        Map<String, List<JsonNode>> byCall = eventsByCall();
        assertThat(types(byCall.get(noAnswer))).containsExactly("call.started", "call.ended");
        JsonNode noAnswerEnd = byCall.get(noAnswer).get(1).at("/data/data");
        assertThat(noAnswerEnd.get("status").asText()).isEqualTo("NO_ANSWER");
        assertThat(noAnswerEnd.has("conversationRecording")).isFalse();
        assertThat(noAnswerEnd.get("transcription")).isEmpty();
        assertThat(noAnswerEnd.at("/outcomeResult/k").asText()).isEqualTo("v");
        assertThat(noAnswerEnd.get("callDuration").asInt()).isZero();

        assertThat(types(byCall.get(failed))).containsExactly("call.started", "call.answered",
                "transcription.update", "call.ended");
        JsonNode failedEnd = byCall.get(failed).get(3).at("/data/data");
        assertThat(failedEnd.get("status").asText()).isEqualTo("FAILED");
        assertThat(failedEnd.get("failureReason").asText()).isNotBlank();
        assertThat(failedEnd.get("transcription")).hasSize(1);

        assertThat(types(byCall.get(completed))).containsExactlyElementsOf(COMPLETED_EVENTS);

        assertThat(conversation(noAnswer).get("status").asText()).isEqualTo("NO_ANSWER");
        assertThat(conversation(noAnswer).get("mediaUrl").isNull()).isTrue();
        assertThat(conversation(failed).get("status").asText()).isEqualTo("FAILED");
        assertThat(conversation(failed).at("/jobResponse/failureReason").asText()).isNotBlank();
        assertThat(conversation(completed).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void keeps_the_final_state_readable_when_call_ended_is_never_delivered() {
        simulator.setCallScript(FAST.withDropEventTypes(Set.of("call.ended")));
        String jobId = call("\"params\": {\"application_id\": \"app-2\"}");

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        assertThat(receiver.eventTypes()).containsExactlyElementsOf(COMPLETED_EVENTS.subList(0, 7));
        JsonNode conversation = conversation(jobId);
        assertThat(conversation.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(conversation.at("/callAnalysis/application_id").asText()).isEqualTo("app-2");
        assertThat(conversation.at("/jobResponse/transcription")).hasSize(4);
        assertThat(conversation.get("callDuration").asInt()).isPositive();
    }

    @Test
    void delivers_each_event_as_many_times_as_asked() {
        simulator.setCallScript(FAST.withCopies(3));
        call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(24);
        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(
                r -> r.json().get("eventType").asText() + "@" + r.json().get("timestamp").asText(),
                Collectors.counting()));
        assertThat(copies).hasSize(8).allSatisfy((key, count) -> assertThat(count).isEqualTo(3));
        assertThat(received.stream().map(WebhookReceiver.Received::body).distinct()).hasSize(8);
    }

    @Test
    void shuffles_delivery_but_delivers_the_same_events() {
        simulator.setCallScript(FAST.withShuffle(true).withTranscriptTurns(12));
        String jobId = call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        List<String> bodies = receiver.received().stream().map(WebhookReceiver.Received::body).toList();
        List<JsonNode> events = receiver.received().stream().map(WebhookReceiver.Received::json).toList();
        List<JsonNode> played = new ArrayList<>(events);
        played.sort((x, y) -> x.get("timestamp").asText().compareTo(y.get("timestamp").asText()));
        assertThat(types(played)).containsExactly("call.started", "call.answered",
                "transcription.update", "transcription.update", "transcription.update", "transcription.update",
                "transcription.update", "transcription.update", "transcription.update", "transcription.update",
                "transcription.update", "transcription.update", "transcription.update", "transcription.update",
                "tool.executed", "call.ended");
        assertThat(events).isNotEqualTo(played);
        assertThat(new HashSet<>(bodies)).hasSize(16);
        // The steps still played in order: the conversation is complete.
        assertThat(conversation(jobId).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void retries_a_delivery_until_the_receiver_takes_it() {
        receiver.answer(503, 503);
        String jobId = call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        List<WebhookDelivery> started = simulator.webhookDeliveries().stream()
                .filter(d -> d.eventType().equals("call.started")).toList();
        assertThat(started).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(started).extracting(WebhookDelivery::status).containsExactly(503, 503, 200);
        assertThat(started).extracting(WebhookDelivery::callId).containsOnly(jobId);
        assertThat(started).extracting(WebhookDelivery::timestamp).containsOnly(started.get(0).timestamp());
        // Delivery stays in order: the retried event still came first.
        List<String> types = receiver.eventTypes();
        assertThat(types.subList(0, 3)).containsOnly("call.started");
        assertThat(types.subList(3, types.size())).containsExactlyElementsOf(COMPLETED_EVENTS.subList(1, 8));
    }

    @Test
    void gives_up_after_max_attempts_and_records_each_attempt() {
        simulator.setCallScript(FAST.withRetries(3, 1).withOutcome(CallScript.Outcome.NO_ANSWER));
        receiver.answer(500, 500, 500);
        call(null);

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        List<WebhookDelivery> deliveries = simulator.webhookDeliveries();
        assertThat(deliveries).extracting(WebhookDelivery::eventType, WebhookDelivery::attempt, WebhookDelivery::status)
                .containsExactly(
                        tuple("call.started", 1, 500),
                        tuple("call.started", 2, 500),
                        tuple("call.started", 3, 500),
                        tuple("call.ended", 1, 200));
        assertThat(deliveries.get(2).delivered()).isFalse();

        JsonNode overHttp = json(admin("GET", "/_admin/webhooks/deliveries", null));
        assertThat(overHttp).hasSize(4);
        assertThat(overHttp.get(0).get("status").asInt()).isEqualTo(500);
        assertThat(json(admin("DELETE", "/_admin/webhooks/deliveries", null)).get("cleared").asInt()).isEqualTo(4);
        assertThat(simulator.webhookDeliveries()).isEmpty();
    }

    @Test
    void records_an_unreachable_receiver_as_an_io_failure() {
        simulator.setCallScript(FAST.withRetries(2, 1).withOutcome(CallScript.Outcome.NO_ANSWER));
        String url = receiver.url().toString();
        receiver.close();
        client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", "\"webhookUrl\": \"" + url + "\""));

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();

        assertThat(simulator.webhookDeliveries()).hasSize(4)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.IO_FAILURE));
    }

    @Test
    void lists_calls_with_their_webhook_secret_for_a_load_generator() {
        simulator.setCallScript(FAST.withAutoPlay(false));
        String jobId = call("\"params\": {\"n\": 1}, \"webhookAuth\": {\"authKey\": \"Bearer\", \"authSecret\": \"per-call-1\"}");

        JsonNode calls = json(admin("GET", "/_admin/calls", null));

        assertThat(calls).hasSize(1);
        JsonNode entry = calls.get(0);
        assertThat(entry.get("jobId").asText()).isEqualTo(jobId);
        assertThat(entry.get("voiceAgentId").asText()).isEqualTo(agentId);
        assertThat(entry.get("status").asText()).isEqualTo("PENDING");
        assertThat(entry.get("webhookUrl").asText()).isEqualTo(receiver.url().toString());
        assertThat(entry.get("authorization").asText()).isEqualTo("Bearer per-call-1");
        assertThat(entry.at("/params/n").asInt()).isEqualTo(1);
        assertThat(entry.get("createdAt").asText()).isNotBlank();
        assertThat(simulator.awaitWebhooksIdle(Duration.ZERO)).isTrue();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void round_trips_the_script_over_http_and_refuses_unknown_fields() {
        HttpResponse<String> put = admin("PUT", "/_admin/calls/script", """
                {"outcome": "FAILED", "stepDelayMillis": 7, "transcriptTurns": 2, "copies": 2, "shuffle": true,
                 "dropEventTypes": ["tool.executed", "call.ended"], "deliveryDelayMillis": 3, "autoPlay": false,
                 "maxAttempts": 4, "retryBackoffMillis": 9}
                """);

        assertThat(put.statusCode()).isEqualTo(200);
        CallScript expected = new CallScript(CallScript.Outcome.FAILED, 7, 2, 2, true,
                Set.of("tool.executed", "call.ended"), 3, false, 4, 9);
        assertThat(simulator.callScript()).isEqualTo(expected);
        JsonNode shown = json(admin("GET", "/_admin/calls/script", null));
        assertThat(shown).isEqualTo(json(put));
        assertThat(shown.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(shown.get("dropEventTypes")).hasSize(2);

        HttpResponse<String> partial = admin("PUT", "/_admin/calls/script", "{\"copies\": 1}");
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(simulator.callScript()).isEqualTo(expected.withCopies(1));

        HttpResponse<String> unknown = admin("PUT", "/_admin/calls/script", "{\"copys\": 3}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/details/copys").asText()).contains("unknown field");
        assertThat(admin("PUT", "/_admin/calls/script", "{\"copies\": 0}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/_admin/calls/script", "{\"outcome\": \"BUSY\"}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/_admin/calls/script", "{\"dropEventTypes\": [\"call.over\"]}").statusCode())
                .isEqualTo(400);
        assertThat(admin("PUT", "/_admin/calls/script", "{\"shuffle\": \"yes\"}").statusCode()).isEqualTo(400);
        assertThat(simulator.callScript()).isEqualTo(expected.withCopies(1));
    }

    @Test
    void reset_forgets_calls_deliveries_and_the_script() {
        call(null);
        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        simulator.setCallScript(FAST.withCopies(5));

        assertThat(admin("POST", "/_admin/reset", null).statusCode()).isEqualTo(200);

        assertThat(simulator.calls()).isEmpty();
        assertThat(simulator.webhookDeliveries()).isEmpty();
        assertThat(simulator.callScript()).isEqualTo(FAST);
    }

    @Test
    void reset_stops_a_call_that_is_still_playing() {
        simulator.setCallScript(FAST.withStepDelayMillis(50));
        call(null);

        simulator.reset();

        assertThat(simulator.awaitWebhooksIdle(IDLE)).isTrue();
        assertThat(receiver.received().size()).isLessThanOrEqualTo(1);
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void close_does_not_wait_for_calls_still_playing() {
        simulator.setCallScript(FAST.withStepDelayMillis(60_000));
        call(null);

        long started = System.nanoTime();
        simulator.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(simulator.awaitWebhooksIdle(Duration.ofSeconds(1))).isTrue();
    }

    private String call(String extra) {
        String more = "\"webhookUrl\": \"" + receiver.url() + "\"" + (extra == null ? "" : ", " + extra);
        HttpResponse<String> response = client.post("/v1/voice-agents/call", callBody(agentId, "+14155550100", more));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).at("/data/jobId").asText();
    }

    private JsonNode conversation(String jobId) {
        return json(client.get("/v1/voice-agents/conversation/" + jobId)).get("data");
    }

    private Map<String, List<JsonNode>> eventsByCall() {
        return receiver.received().stream().map(WebhookReceiver.Received::json)
                .collect(Collectors.groupingBy(event -> event.get("callId").asText()));
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("eventType").asText()).toList();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return client.send(method, path, body, null);
    }
}
