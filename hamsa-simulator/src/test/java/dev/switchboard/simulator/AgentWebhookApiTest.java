package dev.switchboard.simulator;

import static dev.switchboard.simulator.CallApiTest.callBody;
import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's own {@code webhookUrl} and {@code webhookAuth}: taken, validated, read back without the secret. */
class AgentWebhookApiTest extends SimulatorTestSupport {

    private static final String URL = "https://hooks.example.com/hamsa";
    private static final String SECRET = "agent-s3cret";
    private static final String WEBHOOK = "\"webhookUrl\": \"" + URL + "\", "
            + "\"webhookAuth\": {\"authKey\": \"Bearer\", \"authSecret\": \"" + SECRET + "\"}";

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(1_000, Duration.ofSeconds(60));
    }

    @Test
    void creates_an_agent_with_a_webhook_and_reads_back_the_url_and_auth_key_but_never_the_secret() {
        HttpResponse<String> created = client.post("/v2/voice-agents", agentBody("Hooked", WEBHOOK));

        assertThat(created.statusCode()).isEqualTo(200);
        String id = json(created).at("/data/id").asText();
        HttpResponse<String> fetched = client.get("/v2/voice-agents/" + id);
        HttpResponse<String> listed = client.get("/v2/voice-agents");
        for (JsonNode agent : List.of(json(created).get("data"), json(fetched).get("data"),
                json(listed).at("/data/voiceAgents/0"))) {
            assertThat(agent.get("webhookUrl").asText()).isEqualTo(URL);
            assertThat(agent.get("webhookAuth").get("authKey").asText()).isEqualTo("Bearer");
            assertThat(agent.get("webhookAuth")).hasSize(1);
        }
        assertThat(List.of(created.body(), fetched.body(), listed.body())).noneMatch(body -> body.contains(SECRET));

        SimulatedAgent held = simulator.agent(id).orElseThrow();
        assertThat(held.webhookUrl()).isEqualTo(URL);
        assertThat(held.authorization()).isEqualTo("Bearer " + SECRET);
        assertThat(simulator.agents()).extracting(SimulatedAgent::id).containsExactly(id);
        assertThat(simulator.agent("nope")).isEmpty();
    }

    @Test
    void renders_an_agent_without_a_webhook_with_nulls() {
        String id = create(agentBody("Plain"));

        JsonNode agent = json(client.get("/v2/voice-agents/" + id)).get("data");

        assertThat(agent.get("webhookUrl").isNull()).isTrue();
        assertThat(agent.get("webhookAuth").isNull()).isTrue();
        assertThat(simulator.agent(id).orElseThrow().webhookUrl()).isNull();
        assertThat(simulator.agent(id).orElseThrow().authorization()).isNull();
    }

    @Test
    void validates_the_webhook_fields_as_a_calls_are_and_creates_nothing() {
        HttpResponse<String> badUrl = client.post("/v2/voice-agents", agentBody("Bad",
                "\"webhookUrl\": \"ftp://example.com/x\", \"webhookAuth\": {\"authKey\": \"Bearer\"}"));
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(json(badUrl).at("/error/code").asText()).isEqualTo("10400");
        assertThat(json(badUrl).at("/error/details/webhookUrl").asText()).contains("absolute http");
        assertThat(json(badUrl).at("/error/details/webhookAuth.authSecret").asText()).isEqualTo("is required");

        HttpResponse<String> relative = client.post("/v2/voice-agents", agentBody("Bad",
                "\"webhookUrl\": \"/hooks\", \"webhookAuth\": \"Bearer x\""));
        assertThat(json(relative).at("/error/details/webhookUrl").asText()).contains("absolute http");
        assertThat(json(relative).at("/error/details/webhookAuth").asText()).contains("object");

        HttpResponse<String> unsafe = client.post("/v2/voice-agents", agentBody("Bad",
                "\"webhookUrl\": 42, \"webhookAuth\": {\"authKey\": \" \", \"authSecret\": \"a\\r\\nX-Evil: 1\"}"));
        assertThat(unsafe.statusCode()).isEqualTo(400);
        JsonNode details = json(unsafe).at("/error/details");
        assertThat(details.get("webhookUrl").asText()).contains("absolute http");
        assertThat(details.get("webhookAuth.authKey").asText()).isEqualTo("must be a non-blank string");
        assertThat(details.get("webhookAuth.authSecret").asText()).contains("control characters");
        assertThat(simulator.agentCount()).isZero();
    }

    @Test
    void patches_the_webhook_keeps_it_when_not_named_and_removes_it_with_null() {
        String id = create(agentBody("Later hooked"));

        JsonNode set = patch(id, WEBHOOK);
        assertThat(set.get("webhookUrl").asText()).isEqualTo(URL);
        assertThat(set.at("/webhookAuth/authKey").asText()).isEqualTo("Bearer");

        JsonNode renamed = patch(id, "\"name\": \"Renamed\"");
        assertThat(renamed.get("webhookUrl").asText()).isEqualTo(URL);
        assertThat(simulator.agent(id).orElseThrow().authorization()).isEqualTo("Bearer " + SECRET);

        patch(id, "\"webhookAuth\": {\"authKey\": \"Token\", \"authSecret\": \"rotated\"}");
        assertThat(simulator.agent(id).orElseThrow().authorization()).isEqualTo("Token rotated");
        assertThat(simulator.agent(id).orElseThrow().webhookUrl()).isEqualTo(URL);

        JsonNode withoutUrl = patch(id, "\"webhookUrl\": null");
        assertThat(withoutUrl.get("webhookUrl").isNull()).isTrue();
        assertThat(withoutUrl.at("/webhookAuth/authKey").asText()).isEqualTo("Token");

        JsonNode withoutAuth = patch(id, "\"webhookAuth\": null");
        assertThat(withoutAuth.get("webhookAuth").isNull()).isTrue();
        assertThat(simulator.agent(id).orElseThrow().authorization()).isNull();

        HttpResponse<String> bad = client.patch("/v2/voice-agents/" + id, "{\"webhookUrl\": \"mailto:x@example.com\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(simulator.agent(id).orElseThrow().webhookUrl()).isNull();
    }

    @Test
    void a_clone_copies_the_webhook() {
        String id = create(agentBody("Original", WEBHOOK));

        JsonNode copy = json(client.post("/v1/voice-agents/clone", "{\"voiceAgentId\": \"" + id + "\"}")).get("data");

        assertThat(copy.get("webhookUrl").asText()).isEqualTo(URL);
        assertThat(copy.at("/webhookAuth/authKey").asText()).isEqualTo("Bearer");
        assertThat(copy.toString()).doesNotContain(SECRET);
        assertThat(simulator.agent(copy.get("id").asText()).orElseThrow().authorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void renders_the_webhook_without_the_secret_in_the_docs_envelope_too() {
        try (HamsaSimulator docs = HamsaSimulator.builder().envelope(Envelope.DOCS).build().start()) {
            HttpResponse<String> created = new SimulatorClient(docs).post("/v2/voice-agents", agentBody("Docs", WEBHOOK));

            JsonNode agent = json(created).get("data");
            assertThat(agent.get("webhookUrl").asText()).isEqualTo(URL);
            assertThat(agent.get("webhookAuth")).hasSize(1);
            assertThat(agent.at("/webhookAuth/authKey").asText()).isEqualTo("Bearer");
            assertThat(created.body()).doesNotContain(SECRET);
        }
    }

    @Test
    void keeps_the_agents_secret_out_of_the_admin_views() {
        simulator.setCallScript(CallScript.defaults().withAutoPlay(false));
        String id = create(agentBody("Hooked", WEBHOOK));
        client.patch("/v2/voice-agents/" + id, "{" + WEBHOOK + "}");
        client.post("/v1/voice-agents/call", callBody(id, "+14155550100", null));

        HttpResponse<String> requests = admin("GET", "/_admin/requests");
        HttpResponse<String> calls = admin("GET", "/_admin/calls");

        assertThat(requests.body()).doesNotContain(SECRET);
        assertThat(json(requests).at("/0/body").asText()).contains("\"authSecret\": \"***\"");
        assertThat(json(requests).at("/1/body").asText()).contains("\"authSecret\": \"***\"");
        assertThat(calls.body()).doesNotContain(SECRET);
        JsonNode entry = json(calls).get(0);
        assertThat(entry.get("webhookUrl").asText()).isEqualTo(URL);
        assertThat(entry.get("webhookSource").asText()).isEqualTo("AGENT");
        assertThat(entry.get("authorization").asText()).isEqualTo("Bearer ***");
        // The Java API is for tests and keeps what was sent, as it keeps API keys.
        assertThat(simulator.recordedRequests("POST", "/v2/voice-agents").get(0).body()).contains(SECRET);
        assertThat(simulator.calls().get(0).authorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void masks_a_secret_in_a_recorded_body_even_when_the_body_is_malformed() {
        client.post("/v2/voice-agents", "{\"webhookAuth\": {\"authKey\": \"Bearer\", \"authSecret\": \"" + SECRET);

        HttpResponse<String> requests = admin("GET", "/_admin/requests");

        assertThat(json(requests).at("/0/status").asInt()).isEqualTo(400);
        assertThat(requests.body()).doesNotContain(SECRET);
    }

    private String create(String body) {
        HttpResponse<String> response = client.post("/v2/voice-agents", body);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).at("/data/id").asText();
    }

    private JsonNode patch(String id, String fields) {
        HttpResponse<String> response = client.patch("/v2/voice-agents/" + id, "{" + fields + "}");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).get("data");
    }

    private HttpResponse<String> admin(String method, String path) {
        return client.send(method, path, null, null);
    }
}
