package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest extends SimulatorTestSupport {

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.apiKey("secret-key");
    }

    @Test
    void rejects_a_request_without_the_token() {
        HttpResponse<String> response = client.send("GET", "/v2/voice-agents", null, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10403");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid or missing API key");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
    }

    @Test
    void rejects_a_wrong_key_and_a_wrong_scheme() {
        assertThat(client.send("GET", "/v2/voice-agents", null, "Token wrong-key").statusCode()).isEqualTo(403);
        assertThat(client.send("GET", "/v2/voice-agents", null, "Bearer secret-key").statusCode()).isEqualTo(403);
        assertThat(client.send("GET", "/v2/voice-agents", null, "secret-key").statusCode()).isEqualTo(403);
    }

    @Test
    void accepts_the_configured_key_with_the_token_scheme() {
        assertThat(simulator.apiKey()).isEqualTo("secret-key");
        assertThat(client.send("GET", "/v2/voice-agents", null, "Token secret-key").statusCode()).isEqualTo(200);
    }

    @Test
    void answers_404_for_an_unknown_path() {
        HttpResponse<String> response = client.get("/v2/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10404");
    }

    @Test
    void answers_405_for_a_wrong_method_on_a_known_path() {
        HttpResponse<String> response = client.send("DELETE", "/v2/voice-agents/some-id", null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10405");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, PATCH");
    }

    @Test
    void ignores_a_trailing_slash() {
        assertThat(client.get("/v2/voice-agents/").statusCode()).isEqualTo(200);
    }
}
