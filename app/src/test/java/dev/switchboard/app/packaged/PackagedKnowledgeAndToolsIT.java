package dev.switchboard.app.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Knowledge items and web tools in the packaged application (the jar, or the native executable with
 * {@code -Dnative}), where what the JVM finds by itself must have been built in: the multipart reader, the
 * JSON Schema meta-schemas read from the validator's jar, the scheduler that refreshes Hamsa's status.
 */
@QuarkusIntegrationTest
class PackagedKnowledgeAndToolsIT {

    @Test
    void a_file_is_uploaded_judged_by_its_content_and_followed_to_completed() {
        TestTeam team = TestTeams.withAllScopes();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        String id = given().spec(team.spec()).multiPart("file", "guide.pdf", pdf, "application/pdf")
                .post("/api/v1/knowledge").then().statusCode(201).body("file.type", equalTo("PDF")).extract().path("id");
        given().spec(team.spec()).multiPart("file", "guide.txt", pdf, "text/plain")
                .post("/api/v1/knowledge").then().statusCode(400).body("errors.field", hasItem("file"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> "COMPLETED".equals(
                given().spec(team.spec()).get("/api/v1/knowledge/" + id).then().statusCode(200).extract().path("status")));
    }

    @Test
    void a_tool_schema_is_checked_and_a_test_reaches_the_tools_server() throws Exception {
        TestTeam team = TestTeams.withAllScopes();
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 18091), 8);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Map<String, Object> settings = Map.of("serverUrl", "http://127.0.0.1:18091/orders/{orderId}",
                    "methodType", "POST", "authToken", "packaged-token-1");
            given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("type", "FUNCTION", "name", "bad_schema",
                            "description", "x", "toolSettings", settings, "params", Map.of("type", "banana")))
                    .post("/api/v1/tools").then().statusCode(400).body("errors.field", hasItem("params"));

            String id = given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("type", "FUNCTION",
                            "name", "order_status", "description", "Looks up an order", "toolSettings", settings,
                            "params", Map.of("type", "object", "properties", Map.of("orderId", Map.of("type", "string")),
                                    "required", List.of("orderId"))))
                    .post("/api/v1/tools").then().statusCode(201).body("toolSettings.authTokenSet", equalTo(true))
                    .extract().path("id");
            given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("arguments", Map.of("orderId", "A-1")))
                    .post("/api/v1/tools/" + id + "/test").then().statusCode(200).body("success", equalTo(true));
            assertThat(authorization.get()).isEqualTo("Bearer packaged-token-1");
        } finally {
            server.stop(0);
        }
    }
}
