package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptedFailuresTest extends SimulatorTestSupport {

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(10_000, Duration.ofSeconds(60));
    }

    @Test
    void the_next_requests_get_the_scripted_statuses_in_order_then_normal_answers() {
        simulator.failNext(400);
        simulator.failNext(503, 2);

        HttpResponse<String> first = client.post("/v2/voice-agents", SimulatorClient.agentBody("A"));
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(json(first).at("/error/code").asText()).isEqualTo("10400");
        assertThat(json(first).at("/error/details/voiceId").asText()).isNotBlank();
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(503);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(503);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        assertThat(simulator.agentCount()).isZero();
    }

    @Test
    void an_aimed_failure_is_taken_only_by_a_request_it_names_and_others_pass_it_by() {
        simulator.failNextOn("POST", "/v2/voice-agents", 503, 2);
        simulator.failNextOn("POST", "/v2/voice-agents", 429, 1, Duration.ofSeconds(47));

        assertThat(client.get("/v2/voice-agents").statusCode()).as("a read is not a create").isEqualTo(200);
        assertThat(client.get("/v1/voice-agents/conversation/unknown").statusCode()).isEqualTo(404);
        assertThat(client.post("/v2/voice-agents", SimulatorClient.agentBody("A")).statusCode()).isEqualTo(503);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        assertThat(client.post("/v2/voice-agents", SimulatorClient.agentBody("B")).statusCode()).isEqualTo(503);
        HttpResponse<String> third = client.post("/v2/voice-agents", SimulatorClient.agentBody("C"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains("47");
        assertThat(client.post("/v2/voice-agents", SimulatorClient.agentBody("D")).statusCode()).isEqualTo(200);
        assertThat(simulator.agentCount()).isEqualTo(1);
    }

    @Test
    void an_unaimed_failure_waiting_behind_an_aimed_one_is_taken_by_the_next_other_request() {
        simulator.failNextOn("POST", "/v2/voice-agents", 400, 1);
        simulator.failNext(503);

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(503);
        assertThat(client.post("/v2/voice-agents", SimulatorClient.agentBody("A")).statusCode()).isEqualTo(400);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
    }

    @Test
    void cleared_scripted_failures_are_never_answered() {
        simulator.failNext(503, 5);
        simulator.dropNext(2);
        simulator.loseNextAnswer();

        simulator.clearScriptedFailures();

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        assertThat(client.post("/v2/voice-agents", SimulatorClient.agentBody("A")).statusCode()).isEqualTo(200);
        assertThat(simulator.agentCount()).isEqualTo(1);
    }

    @Test
    void a_scripted_429_carries_retry_after() {
        simulator.failNext(429);

        HttpResponse<String> response = client.get("/v2/voice-agents");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10429");
    }

    @Test
    void a_scripted_429_or_503_can_name_its_own_retry_after() {
        simulator.failNext(429, Duration.ofSeconds(47));
        simulator.failNext(503, Duration.ofSeconds(9));

        assertThat(client.get("/v2/voice-agents").headers().firstValue("Retry-After")).contains("47");
        assertThat(client.get("/v2/voice-agents").headers().firstValue("Retry-After")).contains("9");
    }

    @Test
    void a_scripted_500_502_or_504_can_name_a_retry_after_too() {
        simulator.failNext(500, Duration.ofSeconds(3));
        simulator.failNext(502, 2, Duration.ofSeconds(4));
        simulator.failNext(504, Duration.ofSeconds(5));
        simulator.failNext(500);

        assertThat(retryAfter(client.get("/v2/voice-agents"), 500)).contains("3");
        assertThat(retryAfter(client.get("/v2/voice-agents"), 502)).contains("4");
        assertThat(retryAfter(client.get("/v2/voice-agents"), 502)).contains("4");
        assertThat(retryAfter(client.get("/v2/voice-agents"), 504)).contains("5");
        assertThat(retryAfter(client.get("/v2/voice-agents"), 500)).isEmpty();
    }

    @Test
    void the_admin_endpoint_scripts_a_retry_after_for_a_5xx_and_refuses_it_for_other_statuses() {
        HttpResponse<String> ok = admin("{\"status\": 502, \"times\": 1, \"retryAfterSeconds\": 8}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("retryAfterSeconds").asLong()).isEqualTo(8);
        assertThat(retryAfter(client.get("/v2/voice-agents"), 502)).contains("8");

        HttpResponse<String> refused = admin("{\"status\": 404, \"retryAfterSeconds\": 8}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/details/retryAfterSeconds").asText()).isNotBlank();
        assertThatThrownBy(() -> simulator.failNext(400, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
    }

    @Test
    void the_admin_endpoint_drops_the_next_connections_without_an_answer_then_answers_normally() {
        HttpResponse<String> scripted = admin("{\"drop\": true, \"times\": 2}");
        assertThat(scripted.statusCode()).isEqualTo(200);
        assertThat(json(scripted).get("drop").asBoolean()).isTrue();
        assertThat(json(scripted).get("times").asInt()).isEqualTo(2);

        assertThatThrownBy(() -> client.sendRaw(create("A"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.sendRaw(create("B"))).isInstanceOf(IOException.class);
        assertThat(client.send(create("C")).statusCode()).isEqualTo(200);

        assertThat(simulator.recordedRequests()).extracting(RecordedRequest::status)
                .containsExactly(RecordedRequest.DROPPED, RecordedRequest.DROPPED, 200);
        assertThat(simulator.agentCount()).isEqualTo(1);
        assertThat(simulator.rateLimitStats().arrivals()).isEqualTo(3);
    }

    @Test
    void a_scripted_drop_takes_its_turn_among_the_scripted_statuses_and_skips_the_latency() {
        simulator.setFaults(FaultSettings.none().withLatency(1_000, 0));
        simulator.failNext(503);
        simulator.dropNext();

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(503);
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.sendRaw(create("Dropped"))).isInstanceOf(IOException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void the_admin_endpoint_refuses_a_drop_with_a_status_or_a_retry_after_and_a_bad_drop_value() {
        assertThat(admin("{\"drop\": true, \"status\": 500}").statusCode()).isEqualTo(400);
        assertThat(admin("{\"drop\": true, \"retryAfterSeconds\": 1}").statusCode()).isEqualTo(400);
        assertThat(admin("{\"drop\": \"yes\"}").statusCode()).isEqualTo(400);
        assertThat(admin("{\"drop\": true, \"times\": 0}").statusCode()).isEqualTo(400);
        assertThat(admin("{\"drop\": false}").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> simulator.dropNext(0)).isInstanceOf(IllegalArgumentException.class);

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
    }

    @Test
    void a_request_without_the_key_does_not_use_up_a_scripted_failure() {
        simulator.failNext(404);

        assertThat(client.send("GET", "/v2/voice-agents", null, null).statusCode()).isEqualTo(403);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(404);
    }

    @Test
    void the_admin_endpoint_scripts_failures_and_refuses_non_error_statuses() {
        HttpResponse<String> ok = client.send("POST", "/_admin/fail-next", "{\"status\": 500, \"times\": 1}", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(500);

        HttpResponse<String> bad = client.send("POST", "/_admin/fail-next", "{\"status\": 200}", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> simulator.failNext(302)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reset_drops_pending_scripted_failures() {
        simulator.failNext(500, 3);
        simulator.dropNext(2);
        simulator.reset();

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        assertThat(client.send(create("Kept")).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> admin(String body) {
        return client.send("POST", "/_admin/fail-next", body, null);
    }

    /** A POST: java.net.http would retry a dropped GET once, unseen, and make one request two. */
    private HttpRequest create(String name) {
        return client.request("POST", "/v2/voice-agents", SimulatorClient.agentBody(name),
                "Token " + simulator.apiKey()).build();
    }

    private static Optional<String> retryAfter(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).isEqualTo(expectedStatus);
        return response.headers().firstValue("Retry-After");
    }
}
