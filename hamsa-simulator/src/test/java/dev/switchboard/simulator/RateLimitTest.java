package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest extends SimulatorTestSupport {

    /** Deliberately not a multiple of 60 s, so nothing here lines up with where a fixed window would start. */
    private static final long START = 1_700_000_010L;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(START));

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.clock(clock).rateLimit(5, Duration.ofSeconds(60));
    }

    @Test
    void counts_remaining_down_and_answers_the_sixth_request_with_429() {
        for (int expectedRemaining = 4; expectedRemaining >= 0; expectedRemaining--) {
            HttpResponse<String> response = client.get("/v2/voice-agents");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "X-RateLimit-Limit")).isEqualTo("5");
            assertThat(header(response, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(expectedRemaining));
            assertThat(header(response, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 60));
        }

        HttpResponse<String> sixth = client.get("/v2/voice-agents");

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(json(sixth).at("/error/code").asText()).isEqualTo("10429");
        assertThat(header(sixth, "Retry-After")).isEqualTo("60");
        assertThat(header(sixth, "X-RateLimit-Limit")).isEqualTo("5");
        assertThat(header(sixth, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(sixth, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 60));
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(429);
    }

    @Test
    void frees_a_slot_only_when_the_oldest_allowed_request_leaves_the_window() {
        send(3);
        clock.advance(Duration.ofSeconds(30));
        send(2);

        HttpResponse<String> full = client.get("/v2/voice-agents");
        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(header(full, "Retry-After")).isEqualTo("30");
        assertThat(header(full, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 60));

        clock.advance(Duration.ofMillis(29_999));
        HttpResponse<String> almost = client.get("/v2/voice-agents");
        assertThat(almost.statusCode()).isEqualTo(429);
        assertThat(header(almost, "Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofMillis(1));
        for (int expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
            HttpResponse<String> freed = client.get("/v2/voice-agents");
            assertThat(freed.statusCode()).isEqualTo(200);
            assertThat(header(freed, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(expectedRemaining));
            assertThat(header(freed, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 90));
        }
        HttpResponse<String> fullAgain = client.get("/v2/voice-agents");
        assertThat(fullAgain.statusCode()).isEqualTo(429);
        assertThat(header(fullAgain, "Retry-After")).isEqualTo("30");
    }

    @Test
    void refused_requests_do_not_push_the_next_free_slot_back() {
        simulator.setRateLimit(1, Duration.ofSeconds(60));
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(30));
        assertThat(header(client.get("/v2/voice-agents"), "Retry-After")).isEqualTo("30");
        clock.advance(Duration.ofSeconds(29));
        assertThat(header(client.get("/v2/voice-agents"), "Retry-After")).isEqualTo("1");
        clock.advance(Duration.ofSeconds(1));

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_a_second_burst_just_after_a_minute_boundary_that_a_fixed_window_would_let_through() {
        MutableClock edge = new MutableClock(Instant.ofEpochMilli(1_700_000_040_000L - 1));
        try (HamsaSimulator limited = HamsaSimulator.builder().clock(edge)
                .rateLimit(5, Duration.ofSeconds(60)).build().start()) {
            SimulatorClient edgeClient = new SimulatorClient(limited);
            for (int i = 0; i < 5; i++) {
                assertThat(edgeClient.get("/v2/voice-agents").statusCode()).isEqualTo(200);
            }

            edge.advance(Duration.ofMillis(1));

            HttpResponse<String> afterBoundary = edgeClient.get("/v2/voice-agents");
            assertThat(afterBoundary.statusCode()).isEqualTo(429);
            assertThat(header(afterBoundary, "Retry-After")).isEqualTo("60");
        }
    }

    @Test
    void takes_windows_shorter_than_a_second_and_rounds_the_waits_up() {
        simulator.setRateLimit(2, Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(200));

        HttpResponse<String> first = client.get("/v2/voice-agents");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 1));
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMillis(499));
        HttpResponse<String> refused = client.get("/v2/voice-agents");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(header(refused, "Retry-After")).isEqualTo("1");
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");

        clock.advance(Duration.ofMillis(1));
        HttpResponse<String> again = client.get("/v2/voice-agents");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(header(again, "X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(header(again, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 2));
    }

    @Test
    void counts_bad_keys_against_the_key_they_presented_not_against_the_real_one() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.send("GET", "/v2/voice-agents", null, "Token stolen").statusCode()).isEqualTo(403);
        }
        assertThat(client.send("GET", "/v2/voice-agents", null, "Token stolen").statusCode()).isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            client.send("GET", "/v2/voice-agents", null, null);
        }
        assertThat(client.send("GET", "/v2/voice-agents", null, null).statusCode()).isEqualTo(429);

        HttpResponse<String> legitimate = client.get("/v2/voice-agents");
        assertThat(legitimate.statusCode()).isEqualTo(200);
        assertThat(header(legitimate, "X-RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void applies_a_new_limit_set_at_run_time() {
        send(1);
        simulator.setRateLimit(1, Duration.ofSeconds(10));

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        HttpResponse<String> second = client.get("/v2/voice-agents");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(header(second, "X-RateLimit-Limit")).isEqualTo("1");
        assertThat(header(second, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 10));
        assertThat(header(second, "Retry-After")).isEqualTo("10");
    }

    @Test
    void a_limit_of_zero_refuses_everything_and_says_to_wait_a_whole_window() {
        simulator.setRateLimit(0, Duration.ofSeconds(20));

        HttpResponse<String> refused = client.get("/v2/voice-agents");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(header(refused, "Retry-After")).isEqualTo("20");
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(refused, "X-RateLimit-Reset")).isEqualTo(Long.toString(START + 20));
    }

    @Test
    void reset_clears_the_counters() {
        send(6);

        simulator.reset();

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
    }

    private void send(int count) {
        for (int i = 0; i < count; i++) {
            client.get("/v2/voice-agents");
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
