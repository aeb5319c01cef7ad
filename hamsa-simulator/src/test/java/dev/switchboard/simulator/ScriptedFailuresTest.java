package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
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
        simulator.reset();

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
    }
}
