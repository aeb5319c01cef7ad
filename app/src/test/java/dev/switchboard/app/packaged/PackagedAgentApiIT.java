package dev.switchboard.app.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.app.api.TestTeams;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent API as a client sees it, against the packaged application: the jar in {@code ./mvnw verify},
 * the native executable with {@code -Dnative}. Black box: HTTP only, including the sandbox simulator's
 * admin endpoint to see what "Hamsa" received.
 */
@QuarkusIntegrationTest
class PackagedAgentApiIT {

    private static final String SIMULATOR = "http://127.0.0.1:18089";

    @BeforeEach
    void aTeam() {
        TestTeams.withAllScopes().useByDefault();
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }

    @Test
    void an_agent_is_created_read_changed_and_cloned_and_hamsa_sees_each_write() {
        given().when().delete(SIMULATOR + "/_admin/requests").then().statusCode(200);
        Map<String, Object> body = Map.of("name", "Packaged", "greeting", "Hello!", "preamble", "You help.",
                "language", "en", "voiceId", "voice-1");

        String id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(201).header("Location", notNullValue())
                .body("version", equalTo(1))
                .extract().path("id");
        given().when().get("/api/v1/agents/" + id).then().statusCode(200).body("name", equalTo("Packaged"));
        given().contentType(ContentType.JSON).body(Map.of("greeting", "Welcome!"))
                .when().patch("/api/v1/agents/" + id)
                .then().statusCode(200).body("greeting", equalTo("Welcome!")).body("version", equalTo(2));
        given().when().post("/api/v1/agents/" + id + "/clone")
                .then().statusCode(201).body("name", equalTo("Packaged (copy)"));
        given().queryParam("limit", 100).when().get("/api/v1/agents")
                .then().statusCode(200).body("items.id", hasItem(id));

        JsonPath seen = given().when().get(SIMULATOR + "/_admin/requests").then().statusCode(200).extract().jsonPath();
        List<String> calls = seen.<Map<String, Object>>getList("$").stream()
                .map(r -> r.get("method") + " " + String.valueOf(r.get("path")).replaceAll("/[0-9a-f-]{36}$", "/{id}"))
                .toList();
        assertThat(calls).containsExactly("POST /v2/voice-agents", "PATCH /v2/voice-agents/{id}",
                "POST /v1/voice-agents/clone");
        assertThat(seen.getList("headers.authorization", String.class)).allMatch(h -> h.startsWith("Token "));
    }

    @Test
    void bad_input_is_a_problem_with_the_failing_fields() {
        given().contentType(ContentType.JSON).body(Map.of("name", ""))
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"));
        given().contentType(ContentType.JSON).body("{oops")
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void health_and_openapi_are_served() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Switchboard API"));
    }
}
