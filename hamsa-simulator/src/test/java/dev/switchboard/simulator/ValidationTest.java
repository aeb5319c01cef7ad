package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest extends SimulatorTestSupport {

    @Test
    void reports_every_missing_field_in_details() {
        HttpResponse<String> response = client.post("/v2/voice-agents", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("10400");
        assertThat(error.get("message").asText()).isEqualTo("Validation failed");
        assertThat(error.get("details").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "preamble", "greeting", "language", "voiceId");
        assertThat(error.at("/details/name").asText()).isEqualTo("is required");
        assertThat(simulator.agentCount()).isZero();
    }

    @Test
    void reports_blank_too_long_wrongly_typed_and_badly_tagged_fields() {
        String body = """
                {"name": "%s", "preamble": "   ", "greeting": "%s", "language": "english", "voiceId": 7}
                """.formatted("n".repeat(256), "g".repeat(1001));

        JsonNode details = json(client.post("/v2/voice-agents", body)).at("/error/details");

        assertThat(details.get("name").asText()).isEqualTo("must be at most 255 characters");
        assertThat(details.get("preamble").asText()).isEqualTo("must not be blank");
        assertThat(details.get("greeting").asText()).isEqualTo("must be at most 1000 characters");
        assertThat(details.get("language").asText()).contains("language tag");
        assertThat(details.get("voiceId").asText()).isEqualTo("must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "en-US", "zh-Hant-TW", "fil"})
    void accepts_language_tags(String language) {
        HttpResponse<String> response = client.post("/v2/voice-agents", """
                {"name": "n", "preamble": "p", "greeting": "g", "language": "%s", "voiceId": "v"}
                """.formatted(language));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void accepts_fields_at_their_maximum_length() {
        String body = """
                {"name": "%s", "preamble": "%s", "greeting": "%s", "language": "en", "voiceId": "%s"}
                """.formatted("n".repeat(255), "p".repeat(20000), "g".repeat(1000), "v".repeat(255));

        assertThat(client.post("/v2/voice-agents", body).statusCode()).isEqualTo(200);
    }

    @Test
    void rejects_malformed_json() {
        HttpResponse<String> response = client.post("/v2/voice-agents", "{\"name\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10400");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Malformed JSON");
    }

    @Test
    void rejects_an_empty_body_and_a_body_that_is_not_an_object() {
        assertThat(client.post("/v2/voice-agents", "").statusCode()).isEqualTo(400);
        assertThat(json(client.post("/v2/voice-agents", "[1, 2]")).at("/error/code").asText()).isEqualTo("10400");
    }
}
