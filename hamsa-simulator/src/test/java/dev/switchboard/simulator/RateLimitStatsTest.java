package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimitStatsTest extends SimulatorTestSupport {

    /** A multiple of 10 s, so the windows below can be placed against where a fixed 10 s window would start. */
    private static final Instant START = Instant.ofEpochSecond(1_700_000_000L);

    private final MutableClock clock = new MutableClock(START);

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.clock(clock).rateLimit(2, Duration.ofSeconds(10));
    }

    @Test
    void counts_every_arrival_across_all_keys_with_or_without_a_valid_key() {
        client.get("/v2/voice-agents");
        clock.advance(Duration.ofMillis(250));
        client.get("/v2/voice-agents");
        client.get("/v2/voice-agents");
        client.send("GET", "/v2/voice-agents", null, "Token wrong");
        client.send("GET", "/v2/voice-agents", null, null);

        RateLimitStats stats = simulator.rateLimitStats();

        assertThat(stats).isEqualTo(new RateLimitStats(2, Duration.ofSeconds(10), 5, 4, 1, 1, 5, 4,
                START, START.plusMillis(250)));
    }

    @Test
    void shows_the_statistics_over_http() {
        JsonNode empty = json(admin("GET", "/_admin/rate-limit/stats"));
        assertThat(empty.get("arrivals").asLong()).isZero();
        assertThat(empty.get("firstArrival").isNull()).isTrue();
        assertThat(empty.get("lastArrival").isNull()).isTrue();

        client.get("/v2/voice-agents");
        clock.advance(Duration.ofSeconds(1));
        client.get("/v2/voice-agents");
        client.get("/v2/voice-agents");

        HttpResponse<String> response = admin("GET", "/_admin/rate-limit/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stats = json(response);
        assertThat(stats.get("limit").asInt()).isEqualTo(2);
        assertThat(stats.get("windowMillis").asLong()).isEqualTo(10_000);
        assertThat(stats.get("arrivals").asLong()).isEqualTo(3);
        assertThat(stats.get("allowed").asLong()).isEqualTo(2);
        assertThat(stats.get("refused").asLong()).isEqualTo(1);
        assertThat(stats.get("tooManyRequestsSent").asLong()).isEqualTo(1);
        assertThat(stats.get("maxArrivalsInAnyWindow").asLong()).isEqualTo(3);
        assertThat(stats.get("maxAllowedInAnyWindow").asLong()).isEqualTo(2);
        assertThat(stats.get("firstArrival").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(stats.get("lastArrival").asText()).isEqualTo("2023-11-14T22:13:21Z");
    }

    @Test
    void finds_a_burst_that_straddles_where_a_fixed_window_would_split_it() {
        simulator.setRateLimit(1_000, Duration.ofSeconds(10));
        arriveAt(8_000);
        arriveAt(9_000);
        arriveAt(11_000);
        arriveAt(12_000);
        arriveAt(40_000);

        RateLimitStats stats = simulator.rateLimitStats();

        assertThat(stats.maxArrivalsInAnyWindow()).isEqualTo(4);
        assertThat(stats.maxAllowedInAnyWindow()).isEqualTo(4);
    }

    @Test
    void counts_a_window_as_half_open_so_an_arrival_exactly_one_window_later_is_not_in_it() {
        simulator.setRateLimit(1_000, Duration.ofSeconds(10));
        arriveAt(0);
        arriveAt(0);
        arriveAt(5_000);
        arriveAt(10_000);
        arriveAt(10_000);

        assertThat(simulator.rateLimitStats().maxArrivalsInAnyWindow()).isEqualTo(3);

        arriveAt(14_999);

        assertThat(simulator.rateLimitStats().maxArrivalsInAnyWindow()).isEqualTo(4);
    }

    @Test
    void keeps_allowed_arrivals_apart_from_refused_ones() {
        simulator.setRateLimit(3, Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            client.get("/v2/voice-agents");
        }
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            client.get("/v2/voice-agents");
        }

        RateLimitStats stats = simulator.rateLimitStats();

        assertThat(stats.arrivals()).isEqualTo(20);
        assertThat(stats.allowed()).isEqualTo(6);
        assertThat(stats.refused()).isEqualTo(14);
        assertThat(stats.tooManyRequestsSent()).isEqualTo(14);
        assertThat(stats.maxArrivalsInAnyWindow()).isEqualTo(10);
        assertThat(stats.maxAllowedInAnyWindow()).isEqualTo(3);
    }

    @Test
    void counts_scripted_failures_and_injected_faults_as_arrivals_and_every_429_sent() {
        simulator.setRateLimit(100, Duration.ofSeconds(10));
        simulator.failNext(429);
        simulator.failNext(500);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(429);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(500);
        simulator.setFaults(FaultSettings.none().withErrorRate(1.0));
        assertThat(client.get("/v2/voice-agents").statusCode()).isIn(500, 503);

        RateLimitStats stats = simulator.rateLimitStats();

        assertThat(stats.arrivals()).isEqualTo(3);
        assertThat(stats.allowed()).isEqualTo(3);
        assertThat(stats.refused()).isZero();
        assertThat(stats.tooManyRequestsSent()).isEqualTo(1);
    }

    @Test
    void delete_zeroes_the_statistics_and_answers_them_as_they_were() {
        client.get("/v2/voice-agents");
        client.get("/v2/voice-agents");
        client.get("/v2/voice-agents");

        HttpResponse<String> response = admin("DELETE", "/_admin/rate-limit/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("arrivals").asLong()).isEqualTo(3);
        assertThat(json(response).get("refused").asLong()).isEqualTo(1);
        RateLimitStats zeroed = simulator.rateLimitStats();
        assertThat(zeroed).isEqualTo(new RateLimitStats(2, Duration.ofSeconds(10), 0, 0, 0, 0, 0, 0, null, null));
        // Only the statistics: the limit still counts the two requests allowed before.
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(429);
    }

    @Test
    void reset_and_a_new_policy_zero_the_statistics_too() {
        client.get("/v2/voice-agents");
        assertThat(admin("POST", "/_admin/reset").statusCode()).isEqualTo(200);
        assertThat(simulator.rateLimitStats().arrivals()).isZero();

        client.get("/v2/voice-agents");
        assertThat(simulator.clearRateLimitStats().arrivals()).isEqualTo(1);
        client.get("/v2/voice-agents");
        admin("PUT", "/_admin/rate-limit", "{\"windowMillis\": 500}");

        RateLimitStats stats = simulator.rateLimitStats();
        assertThat(stats.arrivals()).isZero();
        assertThat(stats.window()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void proves_that_concurrent_clients_of_one_key_were_never_allowed_past_the_limit() throws Exception {
        try (HamsaSimulator real = HamsaSimulator.builder().rateLimit(5, Duration.ofMillis(200)).build().start()) {
            SimulatorClient realClient = new SimulatorClient(real);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    sent.add(pool.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            realClient.get("/v2/voice-agents");
                        }
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }

            RateLimitStats stats = real.rateLimitStats();
            assertThat(stats.arrivals()).isEqualTo(160);
            assertThat(stats.allowed() + stats.refused()).isEqualTo(160);
            assertThat(stats.refused()).isEqualTo(stats.tooManyRequestsSent());
            assertThat(stats.maxAllowedInAnyWindow()).isBetween(1L, 5L);
            assertThat(stats.maxArrivalsInAnyWindow()).isGreaterThanOrEqualTo(stats.maxAllowedInAnyWindow());
        }
    }

    private void arriveAt(long millisAfterStart) {
        clock.advance(Duration.between(clock.instant(), START.plusMillis(millisAfterStart)));
        client.get("/v2/voice-agents");
    }

    private HttpResponse<String> admin(String method, String path) {
        return client.send(method, path, null, null);
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return client.send(method, path, body, null);
    }
}
