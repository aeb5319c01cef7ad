package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminApiTest extends SimulatorTestSupport {

    @Test
    void reports_health_without_a_key() {
        HttpResponse<String> response = admin("GET", "/_admin/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    }

    @Test
    void shows_the_current_fault_settings() {
        JsonNode faults = json(admin("GET", "/_admin/faults", null));

        assertThat(faults.get("latencyMs").asLong()).isZero();
        assertThat(faults.get("latencyJitterMs").asLong()).isZero();
        assertThat(faults.get("errorRate").asDouble()).isZero();
        assertThat(faults.get("timeoutRate").asDouble()).isZero();
        assertThat(faults.get("timeoutMs").asLong()).isEqualTo(30_000);
        assertThat(faults.get("dropRate").asDouble()).isZero();
        assertThat(faults.get("tooManyRequestsRate").asDouble()).isZero();
        assertThat(faults.get("retryAfterSeconds").asLong()).isEqualTo(1);
        assertThat(faults.get("seed").asLong()).isEqualTo(42);
    }

    @Test
    void sets_drops_and_429_storms_over_http() {
        HttpResponse<String> response = admin("PUT", "/_admin/faults",
                "{\"dropRate\": 0.25, \"tooManyRequestsRate\": 0.5, \"retryAfterSeconds\": 9}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("dropRate").asDouble()).isEqualTo(0.25);
        assertThat(simulator.faults()).isEqualTo(FaultSettings.none().withDropRate(0.25).withTooManyRequests(0.5, 9));
        assertThat(admin("PUT", "/_admin/faults", "{\"dropRate\": 1.5}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/_admin/faults", "{\"retryAfterSeconds\": -1}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/_admin/faults", "{\"tooManyRequestsRate\": \"often\"}").statusCode())
                .isEqualTo(400);
        assertThat(simulator.faults()).isEqualTo(FaultSettings.none().withDropRate(0.25).withTooManyRequests(0.5, 9));
    }

    @Test
    void merges_a_partial_fault_update_into_the_current_settings() {
        simulator.setFaults(FaultSettings.none().withLatency(5, 0));

        HttpResponse<String> response = admin("PUT", "/_admin/faults", "{\"errorRate\": 0.5, \"seed\": 7}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("errorRate").asDouble()).isEqualTo(0.5);
        assertThat(simulator.faults()).isEqualTo(new FaultSettings(5, 0, 0.5, 0.0, 30_000, 7));
    }

    @Test
    void rejects_bad_fault_values_and_keeps_the_old_settings() {
        HttpResponse<String> outOfRange = admin("PUT", "/_admin/faults", "{\"errorRate\": 2}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(json(outOfRange).at("/error/message").asText()).contains("errorRate");

        HttpResponse<String> wrongType = admin("PUT", "/_admin/faults", "{\"latencyMs\": \"slow\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).at("/error/details/latencyMs").asText()).isEqualTo("must be an integer");

        assertThat(admin("PUT", "/_admin/faults", "not json").statusCode()).isEqualTo(400);
        assertThat(simulator.faults()).isEqualTo(FaultSettings.none());
    }

    @Test
    void changes_the_rate_limit() {
        HttpResponse<String> response = admin("PUT", "/_admin/rate-limit", "{\"limit\": 2, \"windowSeconds\": 60}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("limit").asInt()).isEqualTo(2);
        assertThat(json(response).get("windowSeconds").asInt()).isEqualTo(60);
        assertThat(json(response).get("windowMillis").asLong()).isEqualTo(60_000);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(200);
        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(429);
        assertThat(json(admin("GET", "/_admin/rate-limit", null)).get("limit").asInt()).isEqualTo(2);
    }

    @Test
    void takes_the_window_in_milliseconds_and_shows_it_both_ways() {
        HttpResponse<String> response = admin("PUT", "/_admin/rate-limit", "{\"windowMillis\": 1500}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode shown = json(admin("GET", "/_admin/rate-limit", null));
        assertThat(shown.get("limit").asInt()).isEqualTo(100);
        assertThat(shown.get("windowMillis").asLong()).isEqualTo(1_500);
        assertThat(shown.get("windowSeconds").asDouble()).isEqualTo(1.5);
        assertThat(simulator.rateLimitStats().window()).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void keeps_the_window_when_a_rate_limit_update_names_only_the_limit() {
        simulator.setRateLimit(3, Duration.ofMillis(250));

        admin("PUT", "/_admin/rate-limit", "{\"limit\": 4}");

        JsonNode shown = json(admin("GET", "/_admin/rate-limit", null));
        assertThat(shown.get("limit").asInt()).isEqualTo(4);
        assertThat(shown.get("windowMillis").asLong()).isEqualTo(250);
    }

    @Test
    void rejects_a_rate_limit_with_an_empty_window_a_negative_limit_or_two_window_lengths() {
        assertThat(admin("PUT", "/_admin/rate-limit", "{\"windowSeconds\": 0}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/_admin/rate-limit", "{\"windowMillis\": 0}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/_admin/rate-limit", "{\"limit\": -1}").statusCode()).isEqualTo(400);
        HttpResponse<String> both = admin("PUT", "/_admin/rate-limit", "{\"windowSeconds\": 1, \"windowMillis\": 1000}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both).at("/error/details/windowMillis").asText()).contains("not both");
        assertThat(json(admin("GET", "/_admin/rate-limit", null)).get("windowMillis").asLong()).isEqualTo(60_000);
    }

    @Test
    void lists_recorded_requests_with_the_key_masked_and_does_not_record_itself() {
        client.post("/v2/voice-agents", agentBody("Recorded"));

        HttpResponse<String> response = admin("GET", "/_admin/requests", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode requests = json(response);
        assertThat(requests).hasSize(1);
        JsonNode recorded = requests.get(0);
        assertThat(recorded.get("method").asText()).isEqualTo("POST");
        assertThat(recorded.get("path").asText()).isEqualTo("/v2/voice-agents");
        assertThat(recorded.get("status").asInt()).isEqualTo(200);
        assertThat(recorded.get("body").asText()).contains("Recorded");
        assertThat(recorded.at("/headers/authorization").asText()).isEqualTo("Token ***");
        assertThat(recorded.get("at").asText()).isNotBlank();
        assertThat(simulator.recordedRequests()).hasSize(1);
    }

    @Test
    void clears_recorded_requests() {
        client.get("/v2/voice-agents");
        client.get("/v2/voice-agents");

        HttpResponse<String> response = admin("DELETE", "/_admin/requests", null);

        assertThat(json(response).get("cleared").asInt()).isEqualTo(2);
        assertThat(simulator.recordedRequests()).isEmpty();
    }

    @Test
    void resets_agents_requests_counters_and_faults() {
        client.post("/v2/voice-agents", agentBody("Gone soon"));
        simulator.setFaults(FaultSettings.none().withLatency(1, 0));

        HttpResponse<String> response = admin("POST", "/_admin/reset", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.agentCount()).isZero();
        assertThat(simulator.recordedRequests()).isEmpty();
        assertThat(simulator.faults()).isEqualTo(FaultSettings.none());
    }

    @Test
    void keeps_answering_while_the_api_is_rate_limited() {
        simulator.setRateLimit(0, Duration.ofSeconds(60));

        assertThat(client.get("/v2/voice-agents").statusCode()).isEqualTo(429);
        assertThat(admin("GET", "/_admin/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void answers_404_and_405_on_admin_paths() {
        assertThat(admin("GET", "/_admin/nothing", null).statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/_admin/faults", "{}").statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return client.send(method, path, body, null);
    }
}
