package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimulatorTestSupport {

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(10_000, Duration.ofSeconds(60));
    }

    @Test
    void answers_only_500_or_503_when_the_error_rate_is_1() {
        simulator.setFaults(FaultSettings.none().withErrorRate(1.0));

        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = client.get("/v2/voice-agents");
            statuses.add(response.statusCode());
            assertThat(json(response).at("/error/code").asText()).isEqualTo("10" + response.statusCode());
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        }

        assertThat(statuses).containsExactlyInAnyOrder(500, 503);
    }

    @Test
    void makes_a_client_with_a_shorter_read_timeout_time_out() {
        simulator.setFaults(FaultSettings.none().withTimeouts(1.0, 500));
        HttpRequest request = client.request("GET", "/v2/voice-agents", null, "Token " + simulator.apiKey())
                .timeout(Duration.ofMillis(200))
                .build();

        assertThatThrownBy(() -> client.sendRaw(request)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void answers_504_after_hanging_when_the_client_waits_long_enough() {
        simulator.setFaults(FaultSettings.none().withTimeouts(1.0, 50));

        HttpResponse<String> response = client.get("/v2/voice-agents");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10504");
    }

    @Test
    void adds_at_least_the_configured_latency() {
        simulator.setFaults(FaultSettings.none().withLatency(150, 20));

        long started = System.nanoTime();
        HttpResponse<String> response = client.get("/v2/voice-agents");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(150);
    }

    @Test
    void repeats_the_same_fault_sequence_for_the_same_seed() {
        FaultSettings settings = new FaultSettings(0, 0, 0.3, 0.2, 0, 7);
        simulator.setFaults(settings);
        List<Integer> first = statuses(client, 50);

        simulator.setFaults(settings);
        List<Integer> again = statuses(client, 50);

        List<Integer> elsewhere;
        try (HamsaSimulator other = HamsaSimulator.builder()
                .rateLimit(10_000, Duration.ofSeconds(60))
                .faults(settings)
                .build()
                .start()) {
            elsewhere = statuses(new SimulatorClient(other), 50);
        }

        assertThat(first).contains(200, 504).containsAnyOf(500, 503);
        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);

        simulator.setFaults(settings.withSeed(8));
        assertThat(statuses(client, 50)).isNotEqualTo(first);
    }

    @Test
    void repeats_the_same_sequence_of_drops_and_429s_for_the_same_seed() {
        FaultSettings settings = new FaultSettings(0, 0, 0.2, 0.1, 0, 0.2, 0.2, 3, 11);
        simulator.setFaults(settings);
        List<Integer> first = answers(client, 60);

        simulator.setFaults(settings);
        List<Integer> again = answers(client, 60);

        assertThat(first).contains(200, 504, 429, RecordedRequest.DROPPED).containsAnyOf(500, 503);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void closes_the_connection_without_any_answer_when_the_drop_rate_is_1() {
        simulator.setFaults(FaultSettings.none().withDropRate(1.0));
        // A POST, because java.net.http retries an idempotent request once, unseen, when its
        // connection ends before an answer: one POST is exactly one request here.
        HttpRequest request = client.request("POST", "/v2/voice-agents", SimulatorClient.agentBody("Lost"),
                "Token " + simulator.apiKey()).build();

        assertThatThrownBy(() -> client.sendRaw(request))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.recordedRequests()).extracting(RecordedRequest::status)
                .containsExactly(RecordedRequest.DROPPED);
        assertThat(simulator.agentCount()).isZero();
        assertThat(simulator.rateLimitStats().arrivals()).isEqualTo(1);
        assertThat(client.send("GET", "/_admin/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_get_fails_with_an_io_exception_too_when_every_attempt_is_dropped() {
        simulator.setFaults(FaultSettings.none().withDropRate(1.0));
        HttpRequest request = client.request("GET", "/v2/voice-agents", null, "Token " + simulator.apiKey()).build();

        assertThatThrownBy(() -> client.sendRaw(request)).isInstanceOf(IOException.class);
        assertThat(simulator.recordedRequests()).isNotEmpty()
                .allSatisfy(recorded -> assertThat(recorded.status()).isEqualTo(RecordedRequest.DROPPED));
    }

    @Test
    void drops_only_after_the_latency() {
        simulator.setFaults(FaultSettings.none().withLatency(150, 0).withDropRate(1.0));
        HttpRequest request = client.request("POST", "/v2/voice-agents", SimulatorClient.agentBody("Late"),
                "Token " + simulator.apiKey()).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.sendRaw(request)).isInstanceOf(IOException.class);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(150);
    }

    @Test
    void answers_429_with_the_configured_retry_after_and_the_rate_limit_headers_in_a_429_storm() {
        simulator.setFaults(FaultSettings.none().withTooManyRequests(1.0, 7));

        HttpResponse<String> response = client.get("/v2/voice-agents");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10429");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("10000");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("9999");
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
        RateLimitStats stats = simulator.rateLimitStats();
        assertThat(stats.allowed()).isEqualTo(1);
        assertThat(stats.refused()).isZero();
        assertThat(stats.tooManyRequestsSent()).isEqualTo(1);
    }

    @Test
    void a_429_storm_says_retry_after_one_second_unless_told_otherwise() {
        simulator.setFaults(FaultSettings.none().withTooManyRequests(1.0, FaultSettings.DEFAULT_RETRY_AFTER_SECONDS));

        assertThat(client.get("/v2/voice-agents").headers().firstValue("Retry-After")).hasValue("1");
        assertThat(FaultSettings.none().retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void checks_the_key_before_injecting_faults() {
        simulator.setFaults(FaultSettings.none().withErrorRate(1.0));

        assertThat(client.send("GET", "/v2/voice-agents", null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void leaves_admin_endpoints_alone() {
        simulator.setFaults(FaultSettings.none().withErrorRate(1.0));

        assertThat(client.send("GET", "/_admin/health", null, null).statusCode()).isEqualTo(200);
    }

    /** Each request's status, or {@link RecordedRequest#DROPPED}; POSTs, so no dropped request is retried by the client. */
    private List<Integer> answers(SimulatorClient client, int count) {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = client.request("POST", "/v2/voice-agents", SimulatorClient.agentBody("Agent " + i),
                    "Token " + simulator.apiKey()).build();
            try {
                answers.add(client.sendRaw(request).statusCode());
            } catch (IOException e) {
                answers.add(RecordedRequest.DROPPED);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return answers;
    }

    private static List<Integer> statuses(SimulatorClient client, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(client.get("/v2/voice-agents").statusCode());
        }
        return statuses;
    }
}
