package dev.switchboard.app.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the API against every way of asking wrongly: no credential, a malformed one, a
 * revoked key, a key without the scope, and (where the endpoint names a resource) another team's
 * resource. Each answer is a problem with its status and code, and none says anything about the
 * resource asked for. The last test fails when an endpoint is added without a row here.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /**
     * One endpoint: {@code {id}} stands for an agent of the owning team (also in a body), {@code {call}} for one
     * of its calls, {@code {team}} for a team, {@code {key}} for a key, {@code {letter}} for a dead letter.
     */
    record Endpoint(String method, String path, String scope, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean namesResource() {
            return path.contains("{id}") || path.contains("{call}") || path.contains("{item}") || path.contains("{tool}");
        }

        String notFoundCode() {
            return path.contains("{call}") ? "CALL_NOT_FOUND" : path.contains("{item}") ? "KNOWLEDGE_ITEM_NOT_FOUND"
                    : path.contains("{tool}") ? "TOOL_NOT_FOUND" : "AGENT_NOT_FOUND";
        }

        boolean admin() {
            return path.startsWith("/api/v1/admin");
        }
    }

    private static final String AGENT = "{\"name\":\"Owned\",\"greeting\":\"Hi\",\"preamble\":\"You help.\","
            + "\"language\":\"en\",\"voiceId\":\"v1\"}";

    private static final String KNOWLEDGE_ITEM = "{\"name\":\"Owned notes\",\"type\":\"TEXT\",\"content\":\""
            + "Our refund window is thirty days from delivery, no questions asked.\"}";
    private static final String TOOL = "{\"type\":\"FUNCTION\",\"name\":\"owned_tool\",\"description\":\"Looks up\","
            + "\"toolSettings\":{\"serverUrl\":\"https://example.com/tool\",\"methodType\":\"GET\"}}";

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/v1/agents", "agents:write", AGENT),
                new Endpoint("GET", "/api/v1/agents", "agents:read", null),
                new Endpoint("GET", "/api/v1/agents/{id}", "agents:read", null),
                new Endpoint("PATCH", "/api/v1/agents/{id}", "agents:write", "{\"greeting\":\"Stolen\"}"),
                new Endpoint("POST", "/api/v1/agents/{id}/clone", "agents:write", "{}"),
                // the same operation without a body: a second, undocumented resource method
                new Endpoint("POST", "/api/v1/agents/{id}/clone", "agents:write", null),
                new Endpoint("POST", "/api/v1/calls", "calls:write", "{\"agentId\":\"{id}\",\"toNumber\":\"+14155550123\"}"),
                new Endpoint("GET", "/api/v1/calls", "calls:read", null),
                new Endpoint("GET", "/api/v1/calls/{call}", "calls:read", null),
                new Endpoint("POST", "/api/v1/calls/{call}/cancel", "calls:write", null),
                new Endpoint("POST", "/api/v1/knowledge", "knowledge:write", KNOWLEDGE_ITEM),
                new Endpoint("GET", "/api/v1/knowledge", "knowledge:read", null),
                new Endpoint("GET", "/api/v1/knowledge/{item}", "knowledge:read", null),
                new Endpoint("PATCH", "/api/v1/knowledge/{item}", "knowledge:write", "{\"name\":\"Stolen\"}"),
                new Endpoint("DELETE", "/api/v1/knowledge/{item}", "knowledge:write", null),
                new Endpoint("POST", "/api/v1/knowledge/{item}/urls", "knowledge:write", "{\"urls\":[\"https://example.com/x\"]}"),
                new Endpoint("POST", "/api/v1/knowledge/{item}/activate", "knowledge:write", null),
                new Endpoint("POST", "/api/v1/knowledge/{item}/deactivate", "knowledge:write", null),
                new Endpoint("POST", "/api/v1/tools", "tools:write", TOOL.replace("\"owned_tool\"", "\"other_tool\"")),
                new Endpoint("GET", "/api/v1/tools", "tools:read", null),
                new Endpoint("GET", "/api/v1/tools/{tool}", "tools:read", null),
                new Endpoint("PATCH", "/api/v1/tools/{tool}", "tools:write", "{\"description\":\"Stolen\"}"),
                new Endpoint("POST", "/api/v1/tools/{tool}/test", "tools:write", "{}"),
                new Endpoint("POST", "/api/v1/tools/{tool}/activate", "tools:write", null),
                new Endpoint("POST", "/api/v1/tools/{tool}/deactivate", "tools:write", null),
                new Endpoint("GET", "/api/v1/admin/teams/{team}/knowledge-storage", "admin", null),
                new Endpoint("PUT", "/api/v1/admin/teams/{team}/knowledge-storage", "admin", "{\"budgetBytes\":1}"),
                new Endpoint("POST", "/api/v1/admin/teams", "admin", "{\"name\":\"Intruders\"}"),
                new Endpoint("GET", "/api/v1/admin/teams", "admin", null),
                new Endpoint("GET", "/api/v1/admin/teams/{team}", "admin", null),
                new Endpoint("PATCH", "/api/v1/admin/teams/{team}", "admin", "{\"requestsPerMinute\":1}"),
                new Endpoint("POST", "/api/v1/admin/teams/{team}/keys", "admin", "{\"name\":\"x\",\"scopes\":[\"agents:read\"]}"),
                new Endpoint("GET", "/api/v1/admin/teams/{team}/keys", "admin", null),
                new Endpoint("GET", "/api/v1/admin/teams/{team}/keys/{key}", "admin", null),
                new Endpoint("POST", "/api/v1/admin/teams/{team}/keys/{key}/rotate", "admin", "{}"),
                new Endpoint("DELETE", "/api/v1/admin/teams/{team}/keys/{key}", "admin", null),
                new Endpoint("GET", "/api/v1/admin/audit", "admin", null),
                new Endpoint("GET", "/api/v1/admin/webhooks/dead-letters", "admin", null),
                new Endpoint("POST", "/api/v1/admin/webhooks/dead-letters/{letter}/replay", "admin", null),
                new Endpoint("POST", "/api/v1/admin/webhooks/dead-letters/replay", "admin", null));
    }

    /**
     * Hamsa's webhook receiver takes neither a team key nor the admin token: each call's own secret, which
     * HamsaWebhookReceiverTest checks (missing, wrong, another call's, Basic), or each agent webhook's, which
     * AgentWebhookApiTest checks.
     */
    private static final Set<String> OUTSIDE_THE_MATRIX = Set.of("POST /webhooks/hamsa/calls/{}",
            "POST /webhooks/hamsa/agents/{}");

    private static Set<String> documentedInMatrix(Set<String> documented) {
        Set<String> rest = new TreeSet<>(documented);
        rest.removeAll(OUTSIDE_THE_MATRIX);
        return rest;
    }

    static Stream<Endpoint> teamEndpointsNamingAResource() {
        return endpoints().stream().filter(e -> !e.admin() && e.namesResource());
    }

    private TestTeam owner;
    private TestTeam intruder;
    private String agentId;
    private String agentName;
    private String callId;
    private String itemId;
    private String toolId;

    @BeforeEach
    void anAgentOwnedByOneTeam() {
        owner = TestTeams.withAllScopes();
        intruder = TestTeams.withAllScopes();
        agentName = "Secret roadmap agent " + UUID.randomUUID();
        agentId = given().spec(owner.spec()).contentType(ContentType.JSON)
                .body(AGENT.replace("\"Owned\"", "\"" + agentName + "\""))
                .post("/api/v1/agents").then().statusCode(201).extract().path("id");
        callId = given().spec(owner.spec()).contentType(ContentType.JSON)
                .body("{\"agentId\":\"" + agentId + "\",\"toNumber\":\"+14155550123\"}")
                .post("/api/v1/calls").then().statusCode(202).extract().path("id");
        itemId = given().spec(owner.spec()).contentType(ContentType.JSON).body(KNOWLEDGE_ITEM)
                .post("/api/v1/knowledge").then().statusCode(201).extract().path("id");
        toolId = given().spec(owner.spec()).contentType(ContentType.JSON).body(TOOL)
                .post("/api/v1/tools").then().statusCode(201).extract().path("id");
    }

    private Response call(Endpoint e, RequestSpecification spec) {
        String path = e.path().replace("{id}", agentId).replace("{call}", callId).replace("{item}", itemId)
                .replace("{tool}", toolId).replace("{team}", owner.id())
                .replace("{key}", owner.keyId()).replace("{letter}", "1");
        RequestSpecification request = given().spec(spec);
        if (e.body() != null) {
            request = request.contentType(ContentType.JSON).body(e.body().replace("{id}", agentId));
        }
        return request.request(e.method(), path);
    }

    private static RequestSpecification bearer(String credential) {
        return given().header("Authorization", "Bearer " + credential);
    }

    private void assertProblem(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        // the instance is the caller's own path; anything else naming the team or the agent would be a leak
        String instance = r.jsonPath().getString("instance");
        assertThat(r.asString().replace(instance, "")).doesNotContain(agentName).doesNotContain(owner.id())
                .doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void without_a_credential_every_endpoint_is_401_with_a_bearer_challenge(Endpoint e) {
        Response r = call(e, given());
        assertProblem(r, 401, "UNAUTHENTICATED");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void a_malformed_or_unknown_credential_is_401_the_same_way(Endpoint e) {
        assertProblem(call(e, bearer("not-a-key")), 401, "UNAUTHENTICATED");
        assertProblem(call(e, bearer("sbk_" + "x".repeat(43))), 401, "UNAUTHENTICATED");
        assertProblem(call(e, given().header("Authorization", "Basic " + owner.key())), 401, "UNAUTHENTICATED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void a_revoked_key_is_401_the_same_way(Endpoint e) {
        TestTeam revoked = TestTeams.issueKey(owner.id(), TestTeams.ALL_SCOPES);
        given().spec(TestTeams.admin()).delete("/api/v1/admin/teams/" + owner.id() + "/keys/" + revoked.keyId())
                .then().statusCode(200);

        assertProblem(call(e, revoked.spec()), 401, "UNAUTHENTICATED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void a_key_without_the_scope_is_403(Endpoint e) {
        List<String> allBut = new ArrayList<>(TestTeams.ALL_SCOPES);
        allBut.remove(e.scope());
        TestTeam lacking = TestTeams.issueKey(owner.id(), allBut);

        assertProblem(call(e, lacking.spec()), 403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teamEndpointsNamingAResource")
    void another_teams_resource_answers_exactly_as_a_missing_one(Endpoint e) {
        Response theirs = call(e, intruder.spec());
        String missingId = UUID.randomUUID().toString();
        Response missing = call(new Endpoint(e.method(), e.path().replace("{id}", missingId).replace("{call}", missingId)
                .replace("{item}", missingId).replace("{tool}", missingId), e.scope(), e.body()), intruder.spec());

        assertProblem(theirs, 404, e.notFoundCode());
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonPath a = theirs.jsonPath();
        JsonPath b = missing.jsonPath();
        assertThat(a.getString("title")).isEqualTo(b.getString("title"));
        assertThat(a.getString("detail").replace(agentId, "ID").replace(callId, "ID").replace(itemId, "ID")
                .replace(toolId, "ID"))
                .isEqualTo(b.getString("detail").replace(missingId, "ID"));
        // and the owner's agent is untouched
        given().spec(owner.spec()).get("/api/v1/agents/" + agentId).then().statusCode(200)
                .body("greeting", org.hamcrest.Matchers.equalTo("Hi")).body("version", org.hamcrest.Matchers.equalTo(1));
        given().spec(owner.spec()).get("/api/v1/calls/" + callId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.not(org.hamcrest.Matchers.equalTo("CANCELLED")));
        given().spec(owner.spec()).get("/api/v1/knowledge/" + itemId).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Owned notes")).body("active", org.hamcrest.Matchers.equalTo(true));
        given().spec(owner.spec()).get("/api/v1/tools/" + toolId).then().statusCode(200)
                .body("description", org.hamcrest.Matchers.equalTo("Looks up")).body("active", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void another_teams_calls_never_show_in_a_list() {
        List<String> seen = given().spec(intruder.spec()).queryParam("limit", 100).get("/api/v1/calls")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(seen).doesNotContain(callId);
    }

    @Test
    void a_call_cannot_be_placed_with_another_teams_agent() {
        assertProblem(given().spec(intruder.spec()).contentType(ContentType.JSON)
                .body("{\"agentId\":\"" + agentId + "\",\"toNumber\":\"+14155550123\"}").post("/api/v1/calls"),
                400, "VALIDATION_FAILED");
    }

    @Test
    void another_teams_agents_never_show_in_a_list() {
        List<String> seen = given().spec(intruder.spec()).queryParam("limit", 100).get("/api/v1/agents")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(seen).doesNotContain(agentId);
    }

    @Test
    void a_team_key_is_no_admin_token() {
        Response r = given().spec(owner.spec()).get("/api/v1/admin/teams");
        assertProblem(r, 403, "FORBIDDEN");
    }

    @Test
    void the_admin_token_acts_for_no_team() {
        assertProblem(given().spec(TestTeams.admin()).get("/api/v1/agents"), 403, "FORBIDDEN");
    }

    @Test
    void every_endpoint_in_the_openapi_document_has_a_row_in_this_matrix() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", "{}"))));
        Set<String> covered = new TreeSet<>();
        endpoints().forEach(e -> covered.add(e.method() + " " + e.path().replaceAll("\\{[^}]+}", "{}")));

        assertThat(covered).isEqualTo(documentedInMatrix(documented));
        assertThat(documented).containsAll(OUTSIDE_THE_MATRIX);
    }
}
