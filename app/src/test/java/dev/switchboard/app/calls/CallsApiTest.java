package dev.switchboard.app.calls;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.CallScript;
import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.WebhookDelivery;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls end to end: placed through the API, dispatched to the simulator, played, and their webhooks applied. */
@QuarkusTest
class CallsApiTest {

    private HamsaSimulator hamsa;
    private TestTeam team;
    private String agentId;

    @BeforeEach
    void setUp() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
        agentId = team.postAgent("Caller").then().statusCode(201).extract().path("id");
    }

    private JsonPath place(Map<String, Object> extra) {
        return CallTestSupport.place(team, agentId, extra);
    }

    private JsonPath awaitStatus(String id, String status) {
        return CallTestSupport.awaitStatus(team, id, status);
    }

    @Test
    void a_placed_call_is_dispatched_played_and_shows_its_transcript_outcome_and_recording() {
        String id = place(Map.of("externalId", "order-1")).getString("id");

        JsonPath call = awaitStatus(id, "COMPLETED");

        assertThat(call.getString("hamsaCallId")).isNotBlank();
        assertThat(call.getList("transcript.speaker")).containsExactly("Agent", "User", "Agent", "User");
        assertThat(call.getList("transcript.text", String.class)).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(call.getMap("outcome")).containsEntry("application_id", "12345").containsEntry("user_id", "user-789")
                .doesNotContainKey("switchboard_call_id");
        assertThat(call.getString("recordingUrl")).startsWith("https://");
        assertThat(call.getInt("durationSeconds")).isPositive();
        assertThat(call.getList("timeline.event", String.class)).containsExactlyInAnyOrder("queued", "dispatched", "call.started",
                "call.answered", "tool.executed", "call.ended");
        // Hamsa got the call once, with a per-call webhook URL and secret, and Switchboard's id in its params
        List<SimulatedCall> placed = hamsa.calls().stream()
                .filter(c -> id.equals(c.params().get("switchboard_call_id"))).toList();
        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).webhookUrl()).endsWith("/webhooks/hamsa/calls/" + id);
        assertThat(placed.get(0).authorization()).startsWith("Bearer whs_");
        assertThat(placed.get(0).jobId()).isEqualTo(call.getString("hamsaCallId"));
    }

    @Test
    void a_tool_the_agent_runs_during_the_call_is_linked_to_the_teams_web_tool() {
        String toolName = "lookup_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String toolId = io.restassured.RestAssured.given().spec(team.spec()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("type", "FUNCTION", "name", toolName, "description", "Looks up an order",
                        "toolSettings", Map.of("serverUrl", "https://example.com/orders", "methodType", "GET")))
                .post("/api/v1/tools").then().statusCode(201).extract().path("id");
        Map<String, Object> agent = new java.util.HashMap<>(TestTeams.agentBody("With a tool"));
        agent.put("toolIds", List.of(toolId));
        String withTool = io.restassured.RestAssured.given().spec(team.spec()).contentType(io.restassured.http.ContentType.JSON)
                .body(agent).post("/api/v1/agents").then().statusCode(201).extract().path("id");

        String id = CallTestSupport.place(team, withTool, Map.of()).getString("id");
        JsonPath call = awaitStatus(id, "COMPLETED");

        List<Map<String, Object>> tools = call.getList("timeline.findAll { it.event == 'tool.executed' }.detail");
        assertThat(tools).singleElement().satisfies(detail -> assertThat(detail)
                .containsEntry("toolName", toolName).containsEntry("webToolId", toolId));
        // The agent without the tool ran Hamsa's sample lookup, which is none of the team's tools.
        String plain = place(Map.of()).getString("id");
        List<Map<String, Object>> sample = awaitStatus(plain, "COMPLETED")
                .getList("timeline.findAll { it.event == 'tool.executed' }.detail");
        assertThat(sample).singleElement().satisfies(detail -> assertThat(detail).doesNotContainKey("webToolId"));
    }

    @Test
    void every_event_delivered_five_times_and_shuffled_is_applied_once() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withCopies(5).withShuffle(true));
        String id = place(Map.of()).getString("id");

        JsonPath call = awaitStatus(id, "COMPLETED");
        assertThat(hamsa.awaitWebhooksIdle(Duration.ofSeconds(20))).isTrue();

        String jobId = call.getString("hamsaCallId");
        List<WebhookDelivery> deliveries = hamsa.webhookDeliveries().stream().filter(d -> d.callId().equals(jobId)).toList();
        assertThat(deliveries).hasSize(8 * 5).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        JsonPath after = given().spec(team.spec()).get("/api/v1/calls/" + id).then().extract().jsonPath();
        assertThat(after.getList("transcript.speaker")).containsExactly("Agent", "User", "Agent", "User");
        // each lifecycle event once on the timeline (transcript updates are the transcript), whatever the order
        List<String> hamsaEvents = after.getList("timeline.event", String.class).stream()
                .filter(e -> e.contains(".")).toList();
        assertThat(hamsaEvents).containsExactlyInAnyOrder("call.started", "call.answered", "tool.executed", "call.ended");
        assertThat(after.getMap("outcome")).containsEntry("application_id", "12345");
    }

    @Test
    void no_answer_and_failed_calls_end_in_their_own_status() {
        String unanswered = place(Map.of("params", Map.of("sim_outcome", "NO_ANSWER"))).getString("id");
        String failed = place(Map.of("params", Map.of("sim_outcome", "FAILED"))).getString("id");

        assertThat(awaitStatus(unanswered, "NO_ANSWER").getList("transcript")).isEmpty();
        assertThat(awaitStatus(failed, "FAILED").getString("failureReason")).isNotBlank();
    }

    @Test
    void a_queued_call_can_be_cancelled_and_is_never_sent() {
        hamsa.setRateLimit(0, Duration.ofMinutes(1));
        // With Hamsa refusing everything, the call stays queued long enough to cancel it... unless a worker holds it.
        hamsa.setRateLimit(100_000, Duration.ofMinutes(1));
        given().spec(team.spec()).post("/api/v1/calls/" + java.util.UUID.randomUUID() + "/cancel")
                .then().statusCode(404).body("code", equalTo("CALL_NOT_FOUND"));
        String done = place(Map.of()).getString("id");
        awaitStatus(done, "COMPLETED");
        given().spec(team.spec()).post("/api/v1/calls/" + done + "/cancel")
                .then().statusCode(409).body("code", equalTo("CALL_NOT_CANCELLABLE"));
    }

    @Test
    void calls_are_listed_newest_first_with_filters_and_a_cursor() {
        String first = place(Map.of("externalId", "list-a")).getString("id");
        String second = place(Map.of("externalId", "list-b")).getString("id");
        String third = place(Map.of()).getString("id");

        JsonPath page1 = given().spec(team.spec()).queryParam("limit", 2).get("/api/v1/calls")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        assertThat(page1.getList("items.id")).containsExactly(third, second);
        given().spec(team.spec()).queryParam("limit", 2).queryParam("cursor", page1.getString("nextCursor"))
                .get("/api/v1/calls").then().statusCode(200).body("items.id", equalTo(List.of(first)))
                .body("nextCursor", equalTo(null));
        given().spec(team.spec()).queryParam("externalId", "list-b").get("/api/v1/calls")
                .then().statusCode(200).body("items.id", equalTo(List.of(second)));
        given().spec(team.spec()).queryParam("agentId", agentId).queryParam("createdAfter", "2020-01-01T00:00:00Z")
                .get("/api/v1/calls").then().statusCode(200).body("items", hasSize(3));
        given().spec(team.spec()).queryParam("status", "SIDEWAYS").get("/api/v1/calls")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("status"));
        given().spec(team.spec()).queryParam("createdAfter", "yesterday").get("/api/v1/calls")
                .then().statusCode(400).body("errors[0].field", equalTo("createdAfter"));
        // another team sees none of them
        TestTeam other = TestTeams.withAllScopes();
        given().spec(other.spec()).get("/api/v1/calls").then().statusCode(200).body("items", hasSize(0));
        given().spec(other.spec()).get("/api/v1/calls/" + first).then().statusCode(404).body("code", equalTo("CALL_NOT_FOUND"));
    }

    @Test
    void bad_call_requests_get_clear_errors() {
        given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("agentId", agentId, "toNumber", "0123")).post("/api/v1/calls")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("toNumber"));
        given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("agentId", java.util.UUID.randomUUID().toString(), "toNumber", "+14155550123"))
                .post("/api/v1/calls").then().statusCode(400).body("errors[0].field", equalTo("agentId"));
        given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("agentId", agentId, "toNumber", "+14155550123",
                        "params", Map.of("switchboard_call_id", "mine")))
                .post("/api/v1/calls").then().statusCode(400).body("errors[0].field", equalTo("params.switchboard_call_id"));
        place(Map.of("externalId", "dup-1"));
        given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("agentId", agentId, "toNumber", "+14155550123", "externalId", "dup-1"))
                .post("/api/v1/calls").then().statusCode(409).body("code", equalTo("EXTERNAL_ID_CONFLICT"))
                .header("Location", notNullValue());
    }

    @Test
    void an_outcome_can_be_made_of_any_script_the_simulator_plays() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withTranscriptTurns(2).withDropEventTypes(Set.of(CallScript.TOOL_EXECUTED)));
        JsonPath call = awaitStatus(place(Map.of()).getString("id"), "COMPLETED");
        assertThat(call.getList("transcript")).hasSize(2);
        assertThat(call.getList("timeline.event", String.class)).doesNotContain("tool.executed");
    }
}
