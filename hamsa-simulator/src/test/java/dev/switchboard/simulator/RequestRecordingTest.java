package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRecordingTest extends SimulatorTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.clock(clock).apiKey("rec-key");
    }

    @Test
    void records_method_path_query_body_status_and_the_raw_authorization_header() {
        client.post("/v2/voice-agents", agentBody("Recorded"));
        client.get("/v2/voice-agents?page=2&perPage=5");

        List<RecordedRequest> requests = simulator.recordedRequests();

        assertThat(requests).hasSize(2);
        RecordedRequest create = requests.get(0);
        assertThat(create.at()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/v2/voice-agents");
        assertThat(create.query()).isEmpty();
        assertThat(create.body()).isEqualTo(agentBody("Recorded"));
        assertThat(create.headers()).containsEntry("authorization", "Token rec-key");
        assertThat(create.headers()).containsEntry("content-type", "application/json");
        assertThat(create.header("Authorization")).isEqualTo("Token rec-key");
        assertThat(create.status()).isEqualTo(200);

        RecordedRequest list = requests.get(1);
        assertThat(list.method()).isEqualTo("GET");
        assertThat(list.query()).isEqualTo("page=2&perPage=5");
        assertThat(list.body()).isEmpty();
    }

    @Test
    void records_rejected_requests_with_their_status() {
        client.send("GET", "/v2/voice-agents", null, "Token wrong");
        client.get("/v2/missing");

        assertThat(simulator.recordedRequests())
                .extracting(RecordedRequest::status)
                .containsExactly(403, 404);
        assertThat(simulator.recordedRequests().get(0).headers()).containsEntry("authorization", "Token wrong");
    }

    @Test
    void filters_by_method_and_path_prefix() {
        String id = SimulatorClient.json(client.post("/v2/voice-agents", agentBody("A"))).at("/data/id").asText();
        client.get("/v2/voice-agents/" + id);
        client.post("/v1/voice-agents/clone", "{\"voiceAgentId\": \"" + id + "\"}");

        assertThat(simulator.recordedRequests("POST", "/v2/voice-agents")).hasSize(1);
        assertThat(simulator.recordedRequests("post", "/v1/")).hasSize(1);
        assertThat(simulator.recordedRequests("GET", "/v2/voice-agents/" + id)).hasSize(1);
        assertThat(simulator.recordedRequests(null, "/v")).hasSize(3);
        assertThat(simulator.recordedRequests("DELETE", null)).isEmpty();
    }

    @Test
    void keeps_arrival_order_and_clears_on_demand() {
        client.get("/v2/voice-agents?page=1");
        client.get("/v2/voice-agents?page=2");
        client.get("/v2/voice-agents?page=3");

        assertThat(simulator.recordedRequests()).extracting(RecordedRequest::query)
                .containsExactly("page=1", "page=2", "page=3");

        simulator.clearRecordedRequests();
        assertThat(simulator.recordedRequests()).isEmpty();
    }

    @Test
    void drops_the_oldest_requests_beyond_the_configured_maximum() {
        try (HamsaSimulator small = HamsaSimulator.builder().maxRecordedRequests(2).build().start()) {
            SimulatorClient smallClient = new SimulatorClient(small);
            smallClient.get("/v2/voice-agents?n=1");
            smallClient.get("/v2/voice-agents?n=2");
            smallClient.get("/v2/voice-agents?n=3");

            assertThat(small.recordedRequests()).extracting(RecordedRequest::query).containsExactly("n=2", "n=3");
        }
    }

    @Test
    void returns_a_snapshot_that_later_requests_do_not_change() {
        client.get("/v2/voice-agents");
        List<RecordedRequest> snapshot = simulator.recordedRequests();

        client.get("/v2/voice-agents");

        assertThat(snapshot).hasSize(1);
    }
}
