package dev.switchboard.app.api;

import static io.restassured.RestAssured.given;

import dev.switchboard.domain.model.Scope;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Teams and keys made through the admin API, as an operator would, for tests of the team API. */
public final class TestTeams {

    /** The test profile's admin token (application.properties); not a secret, it guards only the test database. */
    public static final String ADMIN_TOKEN = "test-admin-token-5b2f8e1d9c7a4036";
    public static final List<String> ALL_SCOPES = Arrays.stream(Scope.values()).map(Scope::wire).toList();

    private TestTeams() {
    }

    public record TestTeam(String id, String keyId, String key) {

        public RequestSpecification spec() {
            return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + key).build();
        }

        /** Creates an agent of this name, as this team, with an otherwise valid body; the answer, whatever it is. */
        public io.restassured.response.Response postAgent(String name) {
            return RestAssured.given().spec(spec()).contentType(io.restassured.http.ContentType.JSON)
                    .body(agentBody(name)).post("/api/v1/agents");
        }

        /** Makes every plain {@code given()} send this team's key, until {@link #forget()}. */
        public TestTeam useByDefault() {
            RestAssured.requestSpecification = spec();
            return this;
        }
    }

    /** A valid agent body with this name. */
    public static java.util.Map<String, Object> agentBody(String name) {
        return Map.of("name", name, "greeting", "Hello! How can I help?", "preamble", "You are a helpful agent.",
                "language", "en-US", "voiceId", "voice_abc123");
    }

    public static RequestSpecification admin() {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + ADMIN_TOKEN).build();
    }

    /** A team whose key has every scope and whose limit no test reaches by accident. */
    public static TestTeam withAllScopes() {
        return create(1_000_000, ALL_SCOPES);
    }

    public static TestTeam create(Integer requestsPerMinute, List<String> scopes) {
        RequestSpecification saved = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            Map<String, Object> team = new HashMap<>();
            team.put("name", "team-" + UUID.randomUUID());
            team.put("requestsPerMinute", requestsPerMinute);
            String teamId = given().spec(admin()).contentType(ContentType.JSON).body(team)
                    .post("/api/v1/admin/teams").then().statusCode(201).extract().path("id");
            return issueKey(teamId, scopes);
        } finally {
            RestAssured.requestSpecification = saved;
        }
    }

    /** Another key for an existing team. */
    public static TestTeam issueKey(String teamId, List<String> scopes) {
        RequestSpecification saved = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            var issued = given().spec(admin()).contentType(ContentType.JSON)
                    .body(Map.of("name", "test key", "scopes", scopes))
                    .post("/api/v1/admin/teams/" + teamId + "/keys").then().statusCode(201).extract();
            return new TestTeam(teamId, issued.path("id"), issued.path("key"));
        } finally {
            RestAssured.requestSpecification = saved;
        }
    }

    public static void forget() {
        RestAssured.requestSpecification = null;
    }
}
