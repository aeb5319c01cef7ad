package dev.switchboard.app.tools;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web-tool API over real HTTP, against real Postgres, the simulator, and a tool server on loopback. */
@QuarkusTest
class WebToolApiTest {

    static final String TOOLS = "/api/v1/tools";
    static final String HAMSA_TOOLS = "/v2/voice-agents/web-tool";
    /** Found by SecretsNeverLoggedTest if it reaches any log line. */
    static final String TOKEN_PREFIX = "tooltok_";

    private HamsaSimulator hamsa;
    private TestTeams.TestTeam team;

    @BeforeEach
    void calmHamsa() {
        team = TestTeams.withAllScopes().useByDefault();
        hamsa = SandboxHamsa.calm();
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }

    static String token() {
        return TOKEN_PREFIX + UUID.randomUUID().toString().replace("-", "");
    }

    static Map<String, Object> schema() {
        return Map.of("type", "object", "properties", Map.of("orderId", Map.of("type", "string")),
                "required", List.of("orderId"));
    }

    /** A valid FUNCTION tool body, with settings replaced or added (key, value, ...). */
    static Map<String, Object> toolBody(String name, String serverUrl, String token, Object... settings) {
        Map<String, Object> toolSettings = new HashMap<>(Map.of("serverUrl", serverUrl, "methodType", "POST",
                "timeOut", 5, "httpHeaders", Map.of("X-Shop", "eu"), "pathParameters", Map.of("region", "eu")));
        if (token != null) {
            toolSettings.put("authToken", token);
        }
        for (int i = 0; i < settings.length; i += 2) {
            toolSettings.put((String) settings[i], settings[i + 1]);
        }
        return new HashMap<>(Map.of("type", "FUNCTION", "name", name, "description", "Looks up an order",
                "toolSettings", toolSettings, "params", schema()));
    }

    static String uniqueName() {
        return "order_status_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_tool_is_created_read_and_listed_and_its_token_is_never_shown() {
        String token = token();
        var created = given().contentType(ContentType.JSON)
                .body(toolBody(uniqueName(), "https://example.com/orders/{region}", token))
                .post(TOOLS).then().statusCode(201)
                .body("type", equalTo("FUNCTION")).body("hamsaToolId", notNullValue())
                .body("toolSettings.serverUrl", equalTo("https://example.com/orders/{region}"))
                .body("toolSettings.methodType", equalTo("POST")).body("toolSettings.timeOut", equalTo(5))
                .body("toolSettings.authTokenSet", equalTo(true))
                .body("params.required", equalTo(List.of("orderId"))).body("active", equalTo(true))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(TOOLS + "/" + id);
        assertThat(created.asString()).doesNotContain(token);
        // Hamsa, and only Hamsa, got the token: it sends it to the tool's server.
        assertThat(hamsa.recordedRequests("POST", HAMSA_TOOLS)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(token));

        assertThat(given().get(TOOLS + "/" + id).then().statusCode(200)
                .body("toolSettings.authTokenSet", equalTo(true)).extract().asString()).doesNotContain(token);
        assertThat(given().get(TOOLS).then().statusCode(200).body("items", hasSize(1)).extract().asString())
                .doesNotContain(token);
    }

    @Test
    void a_hostile_server_url_is_refused_before_hamsa_is_asked() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://localhost:8080/", "http://10.1.2.3/",
                "https://admin:pw@example.com/", "ftp://example.com/")) {
            given().contentType(ContentType.JSON).body(toolBody(uniqueName(), url, null))
                    .post(TOOLS).then().statusCode(400).body("errors.field", hasItem("toolSettings.serverUrl"));
        }
        assertThat(hamsa.recordedRequests("POST", HAMSA_TOOLS)).isEmpty();
    }

    @Test
    void parameters_that_are_not_a_valid_json_schema_are_refused() {
        List<Map<String, Object>> bad = List.of(
                Map.of("type", "banana"),
                Map.of("type", "object", "properties", Map.of("orderId", Map.of("type", 5))),
                Map.of("type", "object", "required", "orderId"),
                Map.of("type", "string"));
        for (Map<String, Object> params : bad) {
            Map<String, Object> body = toolBody(uniqueName(), "https://example.com/orders", null);
            body.put("params", params);
            given().contentType(ContentType.JSON).body(body).post(TOOLS).then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("params"));
        }
        assertThat(hamsa.recordedRequests("POST", HAMSA_TOOLS)).isEmpty();
    }

    /** Posts the body alone, so the rule it breaks is the only one that can answer. */
    private static void refusedOn(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post(TOOLS).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", equalTo(List.of(field)));
    }

    @Test
    void every_rule_of_the_definition_is_checked_and_named() {
        refusedOn(toolBody("has spaces", "https://example.com/x", null), "name");
        refusedOn(toolBody(uniqueName(), "https://example.com/x", null, "timeOut", 0), "toolSettings.timeOut");
        refusedOn(toolBody(uniqueName(), "https://example.com/x", null,
                "httpHeaders", Map.of("Authorization", "Bearer x")), "toolSettings.httpHeaders");
        Map<String, Object> noDescription = toolBody(uniqueName(), "https://example.com/x", null);
        noDescription.remove("description");
        refusedOn(noDescription, "description");
        // A method the enum does not know fails while the body is read, before any other rule is looked at.
        given().contentType(ContentType.JSON).body(toolBody(uniqueName(), "https://example.com/x", null,
                "methodType", "TRACE")).post(TOOLS).then().statusCode(400)
                .body("errors.field", hasItem("toolSettings.methodType"));
        assertThat(hamsa.recordedRequests("POST", HAMSA_TOOLS)).isEmpty();
    }

    @Test
    void the_timeout_is_1_to_60_seconds_at_its_edges() {
        for (int bad : new int[] {0, 61}) {
            refusedOn(toolBody(uniqueName(), "https://example.com/x", null, "timeOut", bad), "toolSettings.timeOut");
        }
        assertThat(hamsa.recordedRequests("POST", HAMSA_TOOLS)).isEmpty();

        for (int good : new int[] {1, 60}) {
            given().contentType(ContentType.JSON).body(toolBody(uniqueName(), "https://example.com/x", null,
                    "timeOut", good)).post(TOOLS).then().statusCode(201).body("toolSettings.timeOut", equalTo(good));
        }
        assertThat(hamsa.recordedRequests("POST", HAMSA_TOOLS)).hasSize(2)
                .anySatisfy(r -> assertThat(r.body()).contains("\"timeOut\":1"))
                .anySatisfy(r -> assertThat(r.body()).contains("\"timeOut\":60"));
    }

    @Test
    void a_token_set_by_a_patch_is_in_neither_its_answer_nor_its_replay() {
        String id = given().contentType(ContentType.JSON).body(toolBody(uniqueName(), "https://example.com/a", null))
                .post(TOOLS).then().statusCode(201).extract().path("id");
        String token = token();
        String key = "patch-token-" + UUID.randomUUID();
        Map<String, Object> patch = Map.of("toolSettings", Map.of("authToken", token));

        String answer = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(patch)
                .patch(TOOLS + "/" + id).then().statusCode(200)
                .body("toolSettings.authTokenSet", equalTo(true)).extract().asString();
        var replay = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(patch)
                .patch(TOOLS + "/" + id).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("toolSettings.authTokenSet", equalTo(true)).extract();

        assertThat(answer).doesNotContain(token);
        assertThat(replay.asString()).doesNotContain(token);
        assertThat(replay.headers().toString()).doesNotContain(token);
        // The replay was answered from memory: Hamsa got the token once, in the one PATCH it saw.
        assertThat(hamsa.recordedRequests("PATCH", HAMSA_TOOLS)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(token));
    }

    @Test
    void a_name_is_unique_in_a_team_but_not_across_teams() {
        String name = uniqueName();
        String first = given().contentType(ContentType.JSON).body(toolBody(name, "https://example.com/a", null))
                .post(TOOLS).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(toolBody(name, "https://example.com/b", null))
                .post(TOOLS).then().statusCode(409).body("code", equalTo("TOOL_NAME_CONFLICT"))
                .header("Location", containsString(TOOLS + "/" + first));

        TestTeams.TestTeam other = TestTeams.withAllScopes();
        TestTeams.forget();
        given().spec(other.spec()).contentType(ContentType.JSON).body(toolBody(name, "https://example.com/c", null))
                .post(TOOLS).then().statusCode(201);
    }

    @Test
    void an_update_changes_what_it_names_and_an_empty_token_removes_it() {
        String id = given().contentType(ContentType.JSON).body(toolBody(uniqueName(), "https://example.com/a", token()))
                .post(TOOLS).then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("description", "Finds an order by its id"))
                .patch(TOOLS + "/" + id).then().statusCode(200)
                .body("description", equalTo("Finds an order by its id")).body("version", equalTo(2))
                .body("toolSettings.authTokenSet", equalTo(true)).body("toolSettings.timeOut", equalTo(5));
        given().contentType(ContentType.JSON).body(Map.of("toolSettings", Map.of("authToken", "")))
                .patch(TOOLS + "/" + id).then().statusCode(200).body("toolSettings.authTokenSet", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("toolSettings", Map.of("serverUrl", "http://127.0.0.1:6379/")))
                .patch(TOOLS + "/" + id).then().statusCode(400).body("errors.field", hasItem("toolSettings.serverUrl"));
        given().contentType(ContentType.JSON).body(Map.of("params", Map.of("type", "banana")))
                .patch(TOOLS + "/" + id).then().statusCode(400).body("errors.field", hasItem("params"));
        given().get(TOOLS + "/" + id).then().body("version", equalTo(3)).body("toolSettings.serverUrl",
                equalTo("https://example.com/a"));
    }

    @Test
    void a_test_really_calls_the_tools_server_through_hamsa_with_its_token_and_arguments() {
        String token = token();
        try (LoopbackToolServer server = new LoopbackToolServer(18091)) {
            String id = given().contentType(ContentType.JSON)
                    .body(toolBody(uniqueName(), server.url("/orders/{region}/{orderId}"), token))
                    .post(TOOLS).then().statusCode(201).extract().path("id");

            var result = given().contentType(ContentType.JSON).body(Map.of("arguments", Map.of("orderId", "A-17")))
                    .post(TOOLS + "/" + id + "/test").then().statusCode(200)
                    .body("success", equalTo(true)).body("statusCode", equalTo(200))
                    .body("body", containsString("shipped")).extract().asString();

            assertThat(result).doesNotContain(token);
            assertThat(server.received()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.pathAndQuery()).isEqualTo("/orders/eu/A-17");
                assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
                assertThat(r.header("X-Shop")).isEqualTo("eu");
                assertThat(r.body()).contains("\"orderId\":\"A-17\"");
            });
        }
    }

    @Test
    void a_test_of_a_server_that_is_down_says_so_without_failing_the_request() {
        String id = given().contentType(ContentType.JSON)
                .body(toolBody(uniqueName(), "http://127.0.0.1:18092/nobody-listens", null))
                .post(TOOLS).then().statusCode(201).extract().path("id");
        given().post(TOOLS + "/" + id + "/test").then().statusCode(200)
                .body("success", equalTo(false)).body("error", notNullValue());
    }

    @Test
    void a_tool_is_switched_off_and_on() {
        String id = given().contentType(ContentType.JSON).body(toolBody(uniqueName(), "https://example.com/a", null))
                .post(TOOLS).then().statusCode(201).extract().path("id");
        given().post(TOOLS + "/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        assertThat(hamsa.recordedRequests("POST", "/v1/voice-agents/web-tool/toggle-activation")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"isActive\":false"));
        given().post(TOOLS + "/" + id + "/activate").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void an_mcp_server_needs_no_method_nor_description() {
        Map<String, Object> body = new HashMap<>(Map.of("type", "MCP", "name", uniqueName(),
                "toolSettings", Map.of("serverUrl", "https://example.com/mcp")));
        given().contentType(ContentType.JSON).body(body).post(TOOLS).then().statusCode(201)
                .body("type", equalTo("MCP")).body("toolSettings.methodType", equalTo("POST"));
    }

    @Test
    void another_teams_tools_are_invisible_and_untouchable() {
        String id = given().contentType(ContentType.JSON).body(toolBody(uniqueName(), "https://example.com/a", null))
                .post(TOOLS).then().statusCode(201).extract().path("id");
        TestTeams.TestTeam other = TestTeams.withAllScopes();
        TestTeams.forget();

        given().spec(other.spec()).get(TOOLS + "/" + id).then().statusCode(404).body("code", equalTo("TOOL_NOT_FOUND"));
        given().spec(other.spec()).contentType(ContentType.JSON).body(Map.of("name", "stolen"))
                .patch(TOOLS + "/" + id).then().statusCode(404);
        given().spec(other.spec()).post(TOOLS + "/" + id + "/test").then().statusCode(404);
        given().spec(other.spec()).post(TOOLS + "/" + id + "/deactivate").then().statusCode(404);
        given().spec(other.spec()).get(TOOLS).then().statusCode(200).body("items", hasSize(0));
        given().spec(team.spec()).get(TOOLS + "/" + id).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void the_list_is_paged_with_a_cursor() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(toolBody("paged_" + i + "_" + UUID.randomUUID().toString().substring(0, 6),
                    "https://example.com/" + i, null)).post(TOOLS).then().statusCode(201);
        }
        String cursor = given().get(TOOLS + "?limit=2").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().get(TOOLS + "?limit=2&cursor=" + cursor).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].name", containsString("paged_2")).body("nextCursor", org.hamcrest.Matchers.nullValue());
        given().get(TOOLS + "?cursor=forged").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().get(TOOLS + "?limit=101").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void unknown_fields_and_ids_get_clear_problems() {
        Map<String, Object> body = toolBody(uniqueName(), "https://example.com/a", null);
        body.put("secretMode", true);
        given().contentType(ContentType.JSON).body(body).post(TOOLS).then().statusCode(400)
                .body("code", equalTo("UNKNOWN_FIELD"));
        given().get(TOOLS + "/nope").then().statusCode(404).body("code", equalTo("TOOL_NOT_FOUND"));
        given().contentType(ContentType.JSON).body("{\"type\": \"FUNCTION\", ").post(TOOLS).then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
    }
}
