package dev.switchboard.app.calls;

import static dev.switchboard.app.calls.CallTestSupport.awaitStatus;
import static dev.switchboard.app.calls.CallTestSupport.deliver;
import static dev.switchboard.app.calls.CallTestSupport.envelope;
import static dev.switchboard.app.calls.CallTestSupport.inboxRows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.SimulatedCall;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook receiver, spoken to as Hamsa would: a call is placed (the simulator plays nothing), and the test
 * sends that call's events itself, right and wrong.
 */
@QuarkusTest
class HamsaWebhookReceiverTest {

    @Inject
    DataSource db;

    private HamsaSimulator hamsa;
    private TestTeam team;
    private String callId;
    private SimulatedCall onHamsa;

    @BeforeEach
    void placeASilentCall() {
        hamsa = SandboxHamsa.calm();
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withAutoPlay(false));
        team = TestTeams.withAllScopes();
        String agentId = team.postAgent("Receiver").then().statusCode(201).extract().path("id");
        callId = CallTestSupport.place(team, agentId, Map.of()).getString("id");
        awaitStatus(team, callId, "DISPATCHED");
        onHamsa = CallTestSupport.onHamsa(hamsa, callId);
    }

    private Map<String, Object> event(String type, Instant at, Map<String, Object> fields) {
        return envelope(onHamsa, type, at, fields);
    }

    @Test
    void an_event_is_stored_before_the_200_and_a_repeat_is_acknowledged_but_not_stored_again() {
        Map<String, Object> started = event("call.started", Instant.parse("2026-01-15T14:30:00.000Z"), Map.of());

        deliver(callId, onHamsa.authorization(), started).then().statusCode(200)
                .body("received", equalTo(true)).body("duplicate", equalTo(false));
        assertThat(inboxRows(db, callId)).isEqualTo(1);
        deliver(callId, onHamsa.authorization(), started).then().statusCode(200).body("duplicate", equalTo(true));
        assertThat(inboxRows(db, callId)).isEqualTo(1);

        assertThat(awaitStatus(team, callId, "STARTED").getList("timeline.event")).containsOnlyOnce("call.started");
    }

    @Test
    void transcript_updates_with_one_timestamp_are_all_kept_and_built_in_order() {
        Instant at = Instant.parse("2026-01-15T14:31:00.000Z");
        deliver(callId, onHamsa.authorization(), event("transcription.update", at,
                Map.of("speaker", "User", "text", "second", "index", 1))).then().statusCode(200);
        deliver(callId, onHamsa.authorization(), event("transcription.update", at,
                Map.of("speaker", "Agent", "text", "first", "index", 0))).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> CallTestSupport.get(team, callId).getList("transcript").size() == 2);
        assertThat(CallTestSupport.get(team, callId).getList("transcript.text")).containsExactly("first", "second");
    }

    @Test
    void missing_or_wrong_credentials_are_refused_with_401_and_nothing_is_stored() {
        Map<String, Object> body = event("call.started", Instant.now(), Map.of());

        deliver(callId, null, body).then().statusCode(401).body("code", equalTo("WEBHOOK_UNAUTHENTICATED"));
        deliver(callId, "Bearer whs_not-the-secret", body).then().statusCode(401);
        deliver(callId, "Basic " + onHamsa.authorization().substring("Bearer ".length()), body).then().statusCode(401);
        // another call's secret opens only that call
        String otherCall = CallTestSupport.place(team, CallTestSupport.get(team, callId).getString("agentId"), Map.of())
                .getString("id");
        SimulatedCall other = CallTestSupport.onHamsa(hamsa, otherCall);
        deliver(callId, other.authorization(), body).then().statusCode(401);
        // a body that is not even JSON is refused for its credentials first
        given().contentType(ContentType.JSON).body("{not json").post("/webhooks/hamsa/calls/" + callId)
                .then().statusCode(401);

        assertThat(inboxRows(db, callId)).isZero();
    }

    @Test
    void malformed_json_invalid_envelopes_and_oversize_bodies_are_refused_and_nothing_is_stored() {
        String auth = onHamsa.authorization();
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{not json")
                .post("/webhooks/hamsa/calls/" + callId).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body("[1, 2]")
                .post("/webhooks/hamsa/calls/" + callId).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body("")
                .post("/webhooks/hamsa/calls/" + callId).then().statusCode(400);
        deliver(callId, auth, Map.of("callId", onHamsa.jobId(), "timestamp", "yesterday", "data", "text"))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("eventType", "timestamp", "data")));
        String huge = "x".repeat(300 * 1024);
        deliver(callId, auth, event("transcription.update", Instant.now(), Map.of("speaker", "User", "text", huge)))
                .then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));

        assertThat(inboxRows(db, callId)).isZero();
    }

    @Test
    void events_for_an_unknown_call_get_the_answer_of_a_wrong_secret_and_another_agent_is_refused() {
        Map<String, Object> body = event("call.started", Instant.now(), Map.of());
        deliver(UUID.randomUUID().toString(), onHamsa.authorization(), body).then().statusCode(401)
                .body("code", equalTo("WEBHOOK_UNAUTHENTICATED"));
        deliver("not-a-call", onHamsa.authorization(), body).then().statusCode(401);

        Map<String, Object> otherAgent = new java.util.HashMap<>(body);
        otherAgent.put("agentId", "agent-of-someone-else");
        deliver(callId, onHamsa.authorization(), otherAgent).then().statusCode(422).body("code", equalTo("WEBHOOK_MISMATCH"));
        assertThat(inboxRows(db, callId)).isZero();
    }

    @Test
    void an_event_naming_another_hamsa_call_id_is_kept_since_it_holds_this_calls_secret() {
        Map<String, Object> body = new java.util.HashMap<>(event("call.started", Instant.now(), Map.of()));
        body.put("callId", "another-name-for-the-call");

        deliver(callId, onHamsa.authorization(), body).then().statusCode(200).body("duplicate", equalTo(false));
        assertThat(inboxRows(db, callId)).isEqualTo(1);
        assertThat(awaitStatus(team, callId, "STARTED").getString("hamsaCallId")).isEqualTo(onHamsa.jobId());
    }

    @Test
    void a_call_ended_with_no_data_ends_the_call_with_defaults_instead_of_failing() {
        Map<String, Object> bare = event("call.ended", Instant.now(), Map.of());
        bare.remove("data");
        deliver(callId, onHamsa.authorization(), bare).then().statusCode(200);

        JsonPath call = awaitStatus(team, callId, "COMPLETED");
        assertThat(call.getList("transcript")).isEmpty();
        assertThat(call.getMap("outcome")).isNull();
        assertThat(call.getString("recordingUrl")).isNull();
    }

    @Test
    void an_unknown_event_type_is_kept_on_the_timeline_only() {
        deliver(callId, onHamsa.authorization(), event("call.transferred", Instant.now(), Map.of("to", "+441234")))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                CallTestSupport.get(team, callId).getList("timeline.event").contains("call.transferred"));
        assertThat(CallTestSupport.get(team, callId).getString("status")).isEqualTo("DISPATCHED");
    }

    @Test
    void a_poison_event_goes_to_the_dead_letters_and_is_applied_once_after_the_fix_and_a_replay() {
        // The fault is in storage: the database refuses the call's update until an operator fixes it.
        CallTestSupport.execute(db, "ALTER TABLE call ADD CONSTRAINT test_poison CHECK (recording_url NOT LIKE '%poison%')");
        try {
            deliver(callId, onHamsa.authorization(), event("call.ended", Instant.now(), Map.of(
                    "conversationRecording", "https://storage.example/poison.mp3", "transcription", List.of(),
                    "outcomeResult", Map.of("resolved", true)))).then().statusCode(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> given().spec(TestTeams.admin())
                    .get("/api/v1/admin/webhooks/dead-letters").then().statusCode(200).extract().jsonPath()
                    .getList("items.callId").contains(callId));
            JsonPath letters = given().spec(TestTeams.admin()).get("/api/v1/admin/webhooks/dead-letters")
                    .then().extract().jsonPath();
            int index = letters.getList("items.callId").indexOf(callId);
            assertThat(letters.getInt("items[" + index + "].attempts")).isEqualTo(5);
            assertThat(letters.getString("items[" + index + "].lastError")).contains("test_poison");
            assertThat(letters.getString("items[" + index + "].eventType")).isEqualTo("call.ended");
            assertThat(CallTestSupport.get(team, callId).getString("status")).isEqualTo("DISPATCHED");
        } finally {
            CallTestSupport.execute(db, "ALTER TABLE call DROP CONSTRAINT test_poison");
        }
        long id = given().spec(TestTeams.admin()).get("/api/v1/admin/webhooks/dead-letters").then().extract().jsonPath()
                .getList("items.findAll { it.callId == '" + callId + "' }.id", Long.class).get(0);
        given().spec(TestTeams.admin()).post("/api/v1/admin/webhooks/dead-letters/" + id + "/replay")
                .then().statusCode(200).body("replayed", equalTo(1));
        given().spec(TestTeams.admin()).post("/api/v1/admin/webhooks/dead-letters/" + id + "/replay")
                .then().statusCode(404);

        JsonPath call = awaitStatus(team, callId, "COMPLETED");
        assertThat(call.getString("recordingUrl")).isEqualTo("https://storage.example/poison.mp3");
        assertThat(call.getList("timeline.event")).containsOnlyOnce("call.ended");
        given().spec(TestTeams.admin()).get("/api/v1/admin/webhooks/dead-letters").then().statusCode(200)
                .body("items.findAll { it.callId == '" + callId + "' }", hasSize(0));
    }

    @Test
    void only_the_operator_sees_and_replays_dead_letters() {
        given().spec(team.spec()).get("/api/v1/admin/webhooks/dead-letters").then().statusCode(403);
        given().get("/api/v1/admin/webhooks/dead-letters").then().statusCode(401);
        given().spec(TestTeams.admin()).post("/api/v1/admin/webhooks/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(0));
    }
}
