package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest extends SimulatorTestSupport {

    /** A multiple of 60 s, so a 60 s window starts exactly here. */
    private static final long WINDOW_START = 1_700_000_040L;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(WINDOW_START + 10));

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
            assertThat(header(response, "X-RateLimit-Reset")).isEqualTo(Long.toString(WINDOW_START + 60));
        }

        HttpResponse<String> sixth = client.get("/v2/voice-agents");

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(json(sixth).at("/error/code").asText()).isEqualTo("10429");
        assertThat(header(sixth, "Retry-After")).isEqualTo("50");
        assertThat(header(sixth, "X-RateLimit-Limit")).isEqualTo("5");
        assertThat(header(sixth, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(sixth, "X-RateLimit-Reset")).isEqualTo(Long.toString(WINDOW_START + 60));
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(429);
    }

    @Test
    void starts_a_fresh_window_when_the_clock_passes_the_reset() {
        for (int i = 0; i < 6; i++) {
            client.get("/v2/voice-agents");
        }
        clock.advance(Duration.ofSeconds(49));
        HttpResponse<String> stillLimited = client.get("/v2/voice-agents");
        assertThat(stillLimited.statusCode()).isEqualTo(429);
        assertThat(header(stillLimited, "Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> response = client.get("/v2/voice-agents");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(header(response, "X-RateLimit-Reset")).isEqualTo(Long.toString(WINDOW_START + 120));
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
        simulator.setRateLimit(1, Duration.ofSeconds(10));

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        HttpResponse<String> second = client.get("/v2/voice-agents");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(header(second, "X-RateLimit-Limit")).isEqualTo("1");
        assertThat(header(second, "X-RateLimit-Reset")).isEqualTo(Long.toString(WINDOW_START + 20));
        assertThat(header(second, "Retry-After")).isEqualTo("10");
    }

    @Test
    void reset_clears_the_counters() {
        for (int i = 0; i < 6; i++) {
            client.get("/v2/voice-agents");
        }

        simulator.reset();

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
