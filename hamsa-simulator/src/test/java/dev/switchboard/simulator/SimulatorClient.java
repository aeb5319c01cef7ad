package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A thin java.net.http client for talking to a running simulator in tests. */
final class SimulatorClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final URI base;
    private final String apiKey;

    SimulatorClient(HamsaSimulator simulator) {
        this(simulator.baseUri(), simulator.apiKey());
    }

    SimulatorClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    HttpResponse<String> patch(String path, String body) {
        return send("PATCH", path, body);
    }

    HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, "Token " + apiKey);
    }

    /** {@code authorization} null sends no Authorization header at all. */
    HttpResponse<String> send(String method, String path, String body, String authorization) {
        return send(request(method, path, body, authorization).build());
    }

    HttpRequest.Builder request(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid short-form create body. */
    static String agentBody(String name) {
        return """
                {"name": "%s", "preamble": "You are a helpful agent.", "greeting": "Hello!",
                 "language": "en", "voiceId": "voice-1"}
                """.formatted(name);
    }

    /** A valid short-form create body with more fields, e.g. {@code "webhookUrl": "..."}. */
    static String agentBody(String name, String moreFields) {
        String body = agentBody(name);
        int end = body.lastIndexOf('}');
        return body.substring(0, end) + ", " + moreFields + body.substring(end);
    }
}
