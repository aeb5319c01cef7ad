package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DocsEnvelopeTest extends SimulatorTestSupport {

    private static final String DOCS_FORM_BODY = """
            {"name": "Nested", "type": "outbound",
             "conversation": {"greetingMessage": "Marhaba!", "preamble": "Be brief."},
             "voice": {"voiceId": "voice-9", "lang": "ar"}}
            """;

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.envelope(Envelope.DOCS);
    }

    @Test
    void answers_success_in_the_docs_envelope_with_the_nested_agent_shape() {
        HttpResponse<String> response = client.post("/v2/voice-agents", agentBody("Flat in, nested out"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("message").asText()).isEqualTo("success");
        assertThat(body.get("messageKey").asText()).isEqualTo("success");
        JsonNode agent = body.get("data");
        assertThat(agent.get("name").asText()).isEqualTo("Flat in, nested out");
        assertThat(agent.get("type").asText()).isEqualTo("outbound");
        assertThat(agent.at("/conversation/greetingMessage").asText()).isEqualTo("Hello!");
        assertThat(agent.at("/conversation/preamble").asText()).isEqualTo("You are a helpful agent.");
        assertThat(agent.at("/voice/voiceId").asText()).isEqualTo("voice-1");
        assertThat(agent.at("/voice/lang").asText()).isEqualTo("en");
        assertThat(agent.has("greeting")).isFalse();
        assertThat(agent.has("createdAt")).isTrue();
        assertThat(agent.has("updatedAt")).isTrue();
    }

    @Test
    void answers_errors_with_message_and_messageKey_only() {
        HttpResponse<String> notFound = client.get("/v2/voice-agents/nope");
        assertThat(notFound.statusCode()).isEqualTo(404);
        JsonNode body = json(notFound);
        assertThat(body.get("message").asText()).isEqualTo("Voice agent not found");
        assertThat(body.get("messageKey").asText()).isEqualTo("not_found");
        assertThat(body.has("success")).isFalse();
        assertThat(body.has("error")).isFalse();

        HttpResponse<String> invalid = client.post("/v2/voice-agents", "{}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("messageKey").asText()).isEqualTo("validation_failed");

        HttpResponse<String> forbidden = client.send("GET", "/v2/voice-agents", null, null);
        assertThat(json(forbidden).get("messageKey").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void lists_agents_in_the_nested_shape() {
        client.post("/v2/voice-agents", DOCS_FORM_BODY);

        JsonNode data = json(client.get("/v2/voice-agents")).get("data");

        assertThat(data.get("total").asInt()).isEqualTo(1);
        assertThat(data.at("/voiceAgents/0/voice/lang").asText()).isEqualTo("ar");
    }

    @Test
    void accepts_a_docs_form_request_body_in_guide_mode_too() {
        try (HamsaSimulator guide = HamsaSimulator.builder().build().start()) {
            HttpResponse<String> response = new SimulatorClient(guide).post("/v2/voice-agents", DOCS_FORM_BODY);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode agent = json(response).get("data");
            assertThat(agent.get("name").asText()).isEqualTo("Nested");
            assertThat(agent.get("greeting").asText()).isEqualTo("Marhaba!");
            assertThat(agent.get("preamble").asText()).isEqualTo("Be brief.");
            assertThat(agent.get("voiceId").asText()).isEqualTo("voice-9");
            assertThat(agent.get("language").asText()).isEqualTo("ar");
        }
    }

    @Test
    void prefers_a_short_form_field_over_its_nested_counterpart() {
        HttpResponse<String> response = client.post("/v2/voice-agents", """
                {"name": "Both", "greeting": "Short wins", "preamble": "p", "language": "en",
                 "conversation": {"greetingMessage": "Nested loses"},
                 "voice": {"voiceId": "voice-2", "lang": "fr"}}
                """);

        JsonNode agent = json(response).get("data");
        assertThat(agent.at("/conversation/greetingMessage").asText()).isEqualTo("Short wins");
        assertThat(agent.at("/voice/lang").asText()).isEqualTo("en");
        assertThat(agent.at("/voice/voiceId").asText()).isEqualTo("voice-2");
    }

    @Test
    void patches_through_the_nested_form() {
        String id = json(client.post("/v2/voice-agents", DOCS_FORM_BODY)).at("/data/id").asText();

        HttpResponse<String> response = client.patch("/v2/voice-agents/" + id,
                "{\"conversation\": {\"greetingMessage\": \"Ahlan\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/conversation/greetingMessage").asText()).isEqualTo("Ahlan");
        assertThat(json(response).at("/data/conversation/preamble").asText()).isEqualTo("Be brief.");
    }
}
