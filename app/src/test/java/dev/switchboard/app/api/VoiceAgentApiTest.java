package dev.switchboard.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent API over real HTTP, against real Postgres and the simulator standing in for Hamsa. */
@QuarkusTest
class VoiceAgentApiTest {

    private HamsaSimulator hamsa;
    private TestTeams.TestTeam team;

    @BeforeEach
    void calmHamsa() {
        team = TestTeams.withAllScopes().useByDefault();
        hamsa = SandboxHamsa.calm();
    }

    static Map<String, Object> agentBody(String name) {
        return TestTeams.agentBody(name);
    }

    /** A valid body with some fields replaced or added (key, value, key, value...). */
    static Map<String, Object> agentBodyWith(String name, Object... fieldsAndValues) {
        Map<String, Object> body = new java.util.HashMap<>(agentBody(name));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return body;
    }

    static ExtractableResponse<Response> createAgent(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(201).extract();
    }

    @Test
    void an_agent_is_created_read_changed_and_cloned_with_one_hamsa_call_per_write() {
        String externalId = "crm-" + UUID.randomUUID();
        Map<String, Object> body = agentBodyWith("Support", "externalId", externalId);

        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("name", equalTo("Support"))
                .body("greeting", equalTo("Hello! How can I help?"))
                .body("language", equalTo("en-US"))
                .body("voiceId", equalTo("voice_abc123"))
                .body("externalId", equalTo(externalId))
                .body("version", equalTo(1))
                .body("hamsaAgentId", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/agents/" + id);

        List<RecordedRequest> creates = hamsa.recordedRequests("POST", "/v2/voice-agents");
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).header("authorization")).isEqualTo("Token test-sandbox-key-7c1f9e");
        assertThat(creates.get(0).body()).contains("\"name\":\"Support\"").doesNotContain(externalId);

        given().when().get("/api/v1/agents/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Support"))
                .body("createdAt", notNullValue());
        assertThat(hamsa.recordedRequests("GET", "/v2/voice-agents")).as("reads come from the mirror").isEmpty();

        given().contentType(ContentType.JSON).body(Map.of("greeting", "Welcome back!"))
                .when().patch("/api/v1/agents/" + id)
                .then().statusCode(200)
                .body("greeting", equalTo("Welcome back!"))
                .body("name", equalTo("Support"))
                .body("version", equalTo(2));
        List<RecordedRequest> patches = hamsa.recordedRequests("PATCH", "/v2/voice-agents/" + created.path("hamsaAgentId"));
        assertThat(patches).hasSize(1);
        assertThat(patches.get(0).body()).contains("Welcome back!").doesNotContain("\"name\"");

        ExtractableResponse<Response> copy = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Support (EU)"))
                .when().post("/api/v1/agents/" + id + "/clone")
                .then().statusCode(201)
                .body("name", equalTo("Support (EU)"))
                .body("greeting", equalTo("Welcome back!"))
                .body("version", equalTo(1))
                .body("externalId", nullValue())
                .extract();
        assertThat(copy.<String>path("id")).isNotEqualTo(id);
        assertThat(copy.header("Location")).endsWith("/api/v1/agents/" + copy.path("id"));
        assertThat(hamsa.recordedRequests("POST", "/v1/voice-agents/clone")).hasSize(1);
        assertThat(hamsa.agentCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_clone_without_a_body_takes_the_name_hamsa_gives() {
        String id = createAgent(agentBody("Source")).path("id");

        given().when().post("/api/v1/agents/" + id + "/clone")
                .then().statusCode(201)
                .body("name", equalTo("Source (copy)"));
    }

    @Test
    void pages_follow_the_cursor_until_it_is_null() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(createAgent(agentBody("Paged " + i)).path("id"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/agents").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1_000);

        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(mine);
    }

    @Test
    void a_second_agent_with_the_same_external_id_answers_409_with_the_first_ones_location() {
        Map<String, Object> body = agentBodyWith("First", "externalId", "dup-" + UUID.randomUUID());
        String firstId = createAgent(body).path("id");
        hamsa.clearRecordedRequests();

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .header("Location", endsWith("/api/v1/agents/" + firstId))
                .body("code", equalTo("EXTERNAL_ID_CONFLICT"));
        assertThat(hamsa.recordedRequests()).as("no duplicate on Hamsa").isEmpty();
    }

    @Test
    void missing_fields_are_all_named_and_hamsa_is_not_called() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Only a name"))
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("type", notNullValue())
                .body("errors.field", containsInAnyOrder("greeting", "preamble", "language", "voiceId"));
        assertThat(hamsa.recordedRequests()).isEmpty();
    }

    @Test
    void oversize_fields_are_refused_with_their_names() {
        Map<String, Object> body = agentBodyWith("x".repeat(256), "greeting", "g".repeat(1001), "language", "English");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("name", "greeting", "language"));
        assertThat(hamsa.recordedRequests()).isEmpty();
    }

    @Test
    void a_language_tag_longer_than_35_characters_is_refused_before_hamsa_is_asked() {
        Map<String, Object> body = agentBodyWith("Long tag", "language", "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .body("errors.field", hasItem("language"));
        assertThat(hamsa.recordedRequests()).isEmpty();
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_problem() {
        Map<String, Object> body = agentBodyWith("Huge", "preamble", "p".repeat(300 * 1024));

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(hamsa.recordedRequests()).isEmpty();
    }

    @Test
    void a_chunked_body_over_the_size_limit_is_a_413_problem_too() throws Exception {
        byte[] huge = ("{\"name\": \"Chunked\", \"preamble\": \"" + "p".repeat(300 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/agents"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + team.key())
                // an InputStream body has no known length, so the client sends it chunked
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();

        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
        assertThat(hamsa.recordedRequests()).isEmpty();
    }

    @Test
    void an_unknown_path_and_a_wrong_method_are_problems_too() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().put("/api/v1/agents/" + UUID.randomUUID())
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void malformed_json_is_a_400_problem_without_a_stack_trace() {
        String body = given().contentType(ContentType.JSON).body("{\"name\": \"broken\", ")
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void an_unknown_field_is_refused_by_name() {
        Map<String, Object> body = agentBodyWith("Sneaky", "hamsaAgentId", "someone-elses");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .body("code", equalTo("UNKNOWN_FIELD"))
                .body("errors.field", hasItem("hamsaAgentId"));
    }

    @Test
    void a_field_of_the_wrong_type_is_named() {
        Map<String, Object> body = agentBodyWith("Typed", "name", Map.of("first", "Ada"));

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void a_missing_body_is_a_validation_problem() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/agents")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("body"));
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        given().contentType(ContentType.TEXT).body("name=Support")
                .when().post("/api/v1/agents")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        String id = createAgent(agentBody("Clone me")).path("id");
        given().contentType(ContentType.TEXT).body("name=Copy")
                .when().post("/api/v1/agents/" + id + "/clone")
                .then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void an_unknown_or_malformed_id_is_404() {
        given().when().get("/api/v1/agents/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("AGENT_NOT_FOUND"));
        given().when().get("/api/v1/agents/not-a-uuid")
                .then().statusCode(404)
                .body("code", equalTo("AGENT_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().patch("/api/v1/agents/" + UUID.randomUUID())
                .then().statusCode(404)
                .body("code", equalTo("AGENT_NOT_FOUND"));
        given().when().post("/api/v1/agents/" + UUID.randomUUID() + "/clone")
                .then().statusCode(404)
                .body("code", equalTo("AGENT_NOT_FOUND"));
        assertThat(hamsa.recordedRequests()).isEmpty();
    }

    @Test
    void bad_paging_parameters_are_400_naming_the_parameter() {
        given().queryParam("limit", "ten").when().get("/api/v1/agents")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("limit", 0).when().get("/api/v1/agents")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("limit", 101).when().get("/api/v1/agents")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "garbage!").when().get("/api/v1/agents")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("99999999999999:0:" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("cursor", forged).when().get("/api/v1/agents")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void a_patch_with_a_blank_field_is_refused_before_hamsa_is_asked() {
        String id = createAgent(agentBody("Patched")).path("id");
        hamsa.clearRecordedRequests();

        given().contentType(ContentType.JSON).body(Map.of("name", "   "))
                .when().patch("/api/v1/agents/" + id)
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"));
        assertThat(hamsa.recordedRequests()).isEmpty();
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }
}
