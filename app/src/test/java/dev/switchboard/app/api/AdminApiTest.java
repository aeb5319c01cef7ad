package dev.switchboard.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator's API: teams, keys shown once and stored as hashes, rotation, revocation, and the audit trail. */
@QuarkusTest
class AdminApiTest {

    private static io.restassured.specification.RequestSpecification admin() {
        return given().spec(TestTeams.admin()).contentType(ContentType.JSON);
    }

    @Test
    void a_team_is_created_read_and_listed() {
        String name = "Payments " + UUID.randomUUID();
        ExtractableResponse<Response> created = admin().body(Map.of("name", name)).post("/api/v1/admin/teams")
                .then().statusCode(201).body("name", equalTo(name)).body("requestsPerMinute", nullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/admin/teams/" + id);

        admin().get("/api/v1/admin/teams/" + id).then().statusCode(200).body("name", equalTo(name));
        admin().queryParam("limit", 100).get("/api/v1/admin/teams").then().statusCode(200);
        admin().get("/api/v1/admin/teams/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("TEAM_NOT_FOUND"));
    }

    @Test
    void bad_team_input_is_a_problem_naming_the_fields() {
        admin().body(Map.of("name", " ")).post("/api/v1/admin/teams").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        admin().body(Map.of("name", "ok", "requestsPerMinute", 0)).post("/api/v1/admin/teams").then().statusCode(400)
                .body("errors.field", hasItem("requestsPerMinute"));
        admin().body(Map.of("name", "ok", "isAdmin", true)).post("/api/v1/admin/teams").then().statusCode(400)
                .body("code", equalTo("UNKNOWN_FIELD")).body("errors[0].field", equalTo("isAdmin"));
    }

    @Test
    void a_key_is_shown_once_listed_without_its_secret_and_works_with_its_scopes_only() {
        TestTeam team = TestTeams.create(null, List.of("agents:read"));
        JsonPath listed = admin().get("/api/v1/admin/teams/" + team.id() + "/keys").then().statusCode(200)
                .extract().jsonPath();

        assertThat(team.key()).startsWith("sbk_");
        assertThat(listed.getList("items.id")).containsExactly(team.keyId());
        assertThat(listed.getList("items.key")).containsOnlyNulls();
        assertThat(listed.getString("items[0].prefix")).isEqualTo(team.key().substring(0, 10));
        assertThat(listed.prettify()).doesNotContain(team.key().substring(10));
        assertThat(listed.getList("items[0].scopes")).containsExactly("agents:read");

        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(200);
        given().spec(team.spec()).contentType(ContentType.JSON).body(VoiceAgentApiTest.agentBody("No"))
                .post("/api/v1/agents").then().statusCode(403);
    }

    @Test
    void an_issued_key_is_located_and_readable_on_its_own_and_audited_by_its_id() {
        String teamId = TestTeams.create(null, List.of("agents:read")).id();

        ExtractableResponse<Response> issued = admin().body(Map.of("name", "ci", "scopes", List.of("agents:read")))
                .post("/api/v1/admin/teams/" + teamId + "/keys").then().statusCode(201).extract();
        String keyId = issued.path("id");

        assertThat(issued.header("Location")).endsWith("/api/v1/admin/teams/" + teamId + "/keys/" + keyId);
        admin().get("/api/v1/admin/teams/" + teamId + "/keys/" + keyId).then().statusCode(200)
                .body("id", equalTo(keyId)).body("key", nullValue());
        admin().get("/api/v1/admin/teams/" + teamId + "/keys/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("API_KEY_NOT_FOUND"));
        List<String> targets = admin().queryParam("teamId", teamId).get("/api/v1/admin/audit").then().extract()
                .jsonPath().getList("items.target");
        assertThat(targets).contains(keyId);
    }

    @Test
    void an_idempotency_key_sent_to_the_admin_api_is_refused_not_ignored() {
        admin().header("Idempotency-Key", "k-1").body(Map.of("name", "Once?")).post("/api/v1/admin/teams")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void two_rotations_of_one_key_leave_one_successor() {
        TestTeam team = TestTeams.create(null, List.of("agents:read"));
        String rotate = "/api/v1/admin/teams/" + team.id() + "/keys/" + team.keyId() + "/rotate";

        admin().body(Map.of("overlapSeconds", 600)).post(rotate).then().statusCode(201);
        admin().body(Map.of("overlapSeconds", 600)).post(rotate).then().statusCode(400);

        assertThat(admin().get("/api/v1/admin/teams/" + team.id() + "/keys").then().extract().jsonPath()
                .getList("items")).hasSize(2);
    }

    @Test
    void the_answer_that_shows_a_key_is_never_cached() {
        String teamId = TestTeams.create(null, List.of("agents:read")).id();
        admin().body(Map.of("name", "ci", "scopes", List.of("agents:read"))).post("/api/v1/admin/teams/" + teamId + "/keys")
                .then().statusCode(201).header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"));
    }

    @Test
    void unknown_scopes_are_refused_naming_each_one() {
        String teamId = TestTeams.create(null, List.of("agents:read")).id();
        admin().body(Map.of("name", "ci", "scopes", List.of("agents:read", "agents:delete", "root")))
                .post("/api/v1/admin/teams/" + teamId + "/keys")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.size()", equalTo(2));
        admin().body(Map.of("name", "ci", "scopes", List.of())).post("/api/v1/admin/teams/" + teamId + "/keys")
                .then().statusCode(400).body("errors.field", hasItem("scopes"));
    }

    @Test
    void a_rotated_key_gives_way_to_its_successor() {
        TestTeam team = TestTeams.create(null, List.of("agents:read"));

        ExtractableResponse<Response> rotated = admin().body(Map.of("overlapSeconds", 0))
                .post("/api/v1/admin/teams/" + team.id() + "/keys/" + team.keyId() + "/rotate")
                .then().statusCode(201).body("scopes", equalTo(List.of("agents:read"))).extract();
        String next = rotated.path("key");

        given().header("Authorization", "Bearer " + next).get("/api/v1/agents").then().statusCode(200);
        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(401);
        admin().get("/api/v1/admin/teams/" + team.id() + "/keys").then()
                .body("items.find { it.id == '" + team.keyId() + "' }.revokedAt", notNullValue());
    }

    @Test
    void a_rotation_with_overlap_keeps_the_old_key_working_meanwhile() {
        TestTeam team = TestTeams.create(null, List.of("agents:read"));

        admin().body(Map.of("overlapSeconds", 3600))
                .post("/api/v1/admin/teams/" + team.id() + "/keys/" + team.keyId() + "/rotate").then().statusCode(201);

        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(200);
    }

    @Test
    void a_revoked_key_stops_at_once_and_another_teams_key_cannot_be_revoked_through_this_team() {
        TestTeam team = TestTeams.create(null, List.of("agents:read"));
        TestTeam other = TestTeams.create(null, List.of("agents:read"));

        admin().delete("/api/v1/admin/teams/" + team.id() + "/keys/" + other.keyId())
                .then().statusCode(404).body("code", equalTo("API_KEY_NOT_FOUND"));
        given().spec(other.spec()).get("/api/v1/agents").then().statusCode(200);

        admin().delete("/api/v1/admin/teams/" + team.id() + "/keys/" + team.keyId())
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(401);
    }

    @Test
    void every_change_is_audited_with_who_what_when_request_id_and_outcome() {
        TestTeam team = TestTeams.withAllScopes();
        String requestId = "req-" + UUID.randomUUID();
        String agentId = given().spec(team.spec()).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(VoiceAgentApiTest.agentBody("Audited")).post("/api/v1/agents")
                .then().statusCode(201).header("X-Request-Id", requestId).extract().path("id");
        given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("greeting", ""))
                .patch("/api/v1/agents/" + agentId).then().statusCode(400);
        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(200);

        JsonPath audit = admin().queryParam("teamId", team.id()).get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath();

        List<Map<String, Object>> entries = audit.<Map<String, Object>>getList("items").stream()
                .filter(e -> "team".equals(e.get("actor"))).toList();
        assertThat(entries).hasSize(2); // the two changes; the read is not one (the rest: the admin issuing the key)
        Map<String, Object> failed = entries.get(0);
        Map<String, Object> created = entries.get(1);
        assertThat(created).containsEntry("actor", "team").containsEntry("teamId", team.id())
                .containsEntry("apiKeyId", team.keyId()).containsEntry("action", "POST /api/v1/agents")
                .containsEntry("target", agentId).containsEntry("requestId", requestId)
                .containsEntry("status", 201).containsEntry("outcome", "ok");
        assertThat(created.get("at")).isNotNull();
        assertThat(failed).containsEntry("action", "PATCH /api/v1/agents/{id}").containsEntry("target", agentId)
                .containsEntry("status", 400).containsEntry("outcome", "VALIDATION_FAILED");
        assertThat(audit.prettify()).doesNotContain(team.key());
    }

    @Test
    void the_admins_own_changes_are_audited_and_the_issued_secret_is_not() {
        TestTeam team = TestTeams.create(null, List.of("agents:read"));

        JsonPath audit = admin().queryParam("teamId", team.id()).get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath();

        assertThat(audit.getList("items.action", String.class)).contains("POST /api/v1/admin/teams/{id}/keys");
        assertThat(audit.getList("items.actor", String.class)).containsOnly("admin");
        assertThat(audit.prettify()).doesNotContain(team.key());
    }

    @Test
    void a_request_id_that_is_not_sane_is_replaced_by_a_fresh_one() {
        TestTeam team = TestTeams.withAllScopes();
        String given = given().spec(team.spec()).header("X-Request-Id", "<script>alert(1)</script>")
                .get("/api/v1/agents").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(given).isNotBlank().doesNotContain("<");
    }
}
