package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoiceAgentApiTest extends SimulatorTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.clock(clock).rateLimit(1_000, Duration.ofSeconds(60));
    }

    @Test
    void creates_an_agent_and_answers_in_the_guide_envelope() {
        HttpResponse<String> response = client.post("/v2/voice-agents", agentBody("Support"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.has("message")).isFalse();
        JsonNode agent = body.get("data");
        assertThat(agent.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(agent.get("name").asText()).isEqualTo("Support");
        assertThat(agent.get("preamble").asText()).isEqualTo("You are a helpful agent.");
        assertThat(agent.get("greeting").asText()).isEqualTo("Hello!");
        assertThat(agent.get("language").asText()).isEqualTo("en");
        assertThat(agent.get("voiceId").asText()).isEqualTo("voice-1");
        assertThat(agent.get("createdAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(agent.get("updatedAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(simulator.agentCount()).isEqualTo(1);
    }

    @Test
    void gets_a_created_agent_by_id() {
        String id = create("Sales");

        HttpResponse<String> response = client.get("/v2/voice-agents/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/id").asText()).isEqualTo(id);
        assertThat(json(response).at("/data/name").asText()).isEqualTo("Sales");
    }

    @Test
    void answers_404_for_an_unknown_agent() {
        HttpResponse<String> response = client.get("/v2/voice-agents/does-not-exist");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo("10404");
        assertThat(body.at("/error/message").asText()).isEqualTo("Voice agent not found");
    }

    @Test
    void lists_45_agents_over_three_pages_of_20_in_creation_order() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            created.add(create("Agent " + i));
        }

        List<String> listed = new ArrayList<>();
        int[] expectedSizes = {20, 20, 5};
        for (int page = 1; page <= 3; page++) {
            HttpResponse<String> response = client.get("/v2/voice-agents?page=" + page + "&perPage=20");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode data = json(response).get("data");
            assertThat(data.get("total").asInt()).isEqualTo(45);
            assertThat(data.get("filtered").asInt()).isEqualTo(45);
            assertThat(data.get("voiceAgents")).hasSize(expectedSizes[page - 1]);
            data.get("voiceAgents").forEach(agent -> listed.add(agent.get("id").asText()));
        }
        assertThat(listed).containsExactlyElementsOf(created);

        JsonNode fourth = json(client.get("/v2/voice-agents?page=4&perPage=20")).get("data");
        assertThat(fourth.get("voiceAgents")).isEmpty();
        assertThat(fourth.get("total").asInt()).isEqualTo(45);
    }

    @Test
    void lists_the_first_20_by_default_and_clamps_perPage_to_100() {
        for (int i = 0; i < 25; i++) {
            create("Agent " + i);
        }

        assertThat(json(client.get("/v2/voice-agents")).at("/data/voiceAgents")).hasSize(20);
        assertThat(json(client.get("/v2/voice-agents?perPage=500")).at("/data/voiceAgents")).hasSize(25);
    }

    @Test
    void rejects_page_numbers_that_are_not_positive_integers() {
        for (String query : List.of("page=abc", "page=0", "perPage=-1", "perPage=1.5")) {
            HttpResponse<String> response = client.get("/v2/voice-agents?" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("10400");
        }
    }

    @Test
    void patches_only_the_fields_present_and_moves_updatedAt() {
        String id = create("Before");
        clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> response = client.patch("/v2/voice-agents/" + id,
                "{\"name\": \"After\", \"language\": \"ar\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode agent = json(response).get("data");
        assertThat(agent.get("name").asText()).isEqualTo("After");
        assertThat(agent.get("language").asText()).isEqualTo("ar");
        assertThat(agent.get("greeting").asText()).isEqualTo("Hello!");
        assertThat(agent.get("voiceId").asText()).isEqualTo("voice-1");
        assertThat(agent.get("createdAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(agent.get("updatedAt").asText()).isEqualTo("2025-03-01T10:05:00Z");
        assertThat(json(client.get("/v2/voice-agents/" + id)).at("/data/name").asText()).isEqualTo("After");
    }

    @Test
    void moves_updatedAt_even_when_the_clock_has_not() {
        String id = create("Same instant");

        JsonNode agent = json(client.patch("/v2/voice-agents/" + id, "{\"greeting\": \"Hi\"}")).get("data");

        assertThat(Instant.parse(agent.get("updatedAt").asText()))
                .isAfter(Instant.parse(agent.get("createdAt").asText()));
    }

    @Test
    void rejects_null_and_invalid_values_in_a_patch() {
        String id = create("Agent");

        HttpResponse<String> response = client.patch("/v2/voice-agents/" + id,
                "{\"name\": null, \"language\": \"English\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = json(response).at("/error/details");
        assertThat(details.get("name").asText()).isEqualTo("must not be null");
        assertThat(details.has("language")).isTrue();
        assertThat(json(client.get("/v2/voice-agents/" + id)).at("/data/name").asText()).isEqualTo("Agent");
    }

    @Test
    void answers_404_when_patching_an_unknown_agent() {
        HttpResponse<String> response = client.patch("/v2/voice-agents/nope", "{\"name\": \"x\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10404");
    }

    @Test
    void clones_an_agent_under_a_new_id_with_a_given_name() {
        String id = create("Original");
        clock.advance(Duration.ofSeconds(30));

        HttpResponse<String> response = client.post("/v1/voice-agents/clone",
                "{\"voiceAgentId\": \"" + id + "\", \"name\": \"Twin\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode copy = json(response).get("data");
        assertThat(copy.get("id").asText()).isNotEqualTo(id);
        assertThat(copy.get("name").asText()).isEqualTo("Twin");
        assertThat(copy.get("preamble").asText()).isEqualTo("You are a helpful agent.");
        assertThat(copy.get("voiceId").asText()).isEqualTo("voice-1");
        assertThat(copy.get("createdAt").asText()).isEqualTo("2025-03-01T10:00:30Z");
        assertThat(simulator.agentCount()).isEqualTo(2);
    }

    @Test
    void names_a_clone_after_the_original_when_no_name_is_given() {
        String id = create("Original");

        JsonNode copy = json(client.post("/v1/voice-agents/clone", "{\"voiceAgentId\": \"" + id + "\"}")).get("data");

        assertThat(copy.get("name").asText()).isEqualTo("Original (copy)");
    }

    @Test
    void rejects_a_clone_without_voiceAgentId_and_404s_an_unknown_one() {
        HttpResponse<String> missing = client.post("/v1/voice-agents/clone", "{\"name\": \"x\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/details/voiceAgentId").asText()).isEqualTo("is required");

        HttpResponse<String> unknown = client.post("/v1/voice-agents/clone", "{\"voiceAgentId\": \"nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void keeps_every_agent_when_created_concurrently() throws Exception {
        List<Thread> threads = new ArrayList<>();
        Set<String> ids = Collections.synchronizedSet(new HashSet<>());
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    ids.add(create("Agent " + thread + "-" + i));
                }
            });
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(ids).hasSize(80);
        assertThat(simulator.agentCount()).isEqualTo(80);
        assertThat(json(client.get("/v2/voice-agents?perPage=100")).at("/data/voiceAgents")).hasSize(80);
    }

    private String create(String name) {
        HttpResponse<String> response = client.post("/v2/voice-agents", agentBody(name));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).at("/data/id").asText();
    }
}
