package dev.switchboard.app.calls;

import static dev.switchboard.app.calls.CallTestSupport.countOnHamsa;
import static dev.switchboard.app.calls.CallTestSupport.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.domain.port.in.ApplyCallEventsUseCase;
import dev.switchboard.domain.port.in.DispatchCallsUseCase;
import dev.switchboard.domain.port.in.ReconcileCallsUseCase;
import dev.switchboard.simulator.CallScript;
import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.SimulatedCall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dispatch, inbox and reconciler passes driven one at a time, against real Postgres and the simulator: a dead
 * worker's job, a lost answer, a cancelled call, a refused one, and a call whose end never arrived.
 */
@QuarkusTest
@TestProfile(ManualWorkers.class)
class CallWorkersTest {

    @Inject
    DataSource db;
    @Inject
    DispatchCallsUseCase dispatch;
    @Inject
    ApplyCallEventsUseCase inbox;
    @Inject
    ReconcileCallsUseCase reconcile;

    private HamsaSimulator hamsa;
    private TestTeam team;
    private String agentId;

    @BeforeEach
    void setUp() {
        hamsa = SandboxHamsa.calm();
        // Jobs and events other tests left behind must not be taken by this test's passes.
        execute(db, "DELETE FROM call_dispatch_job");
        execute(db, "UPDATE hamsa_event_inbox SET state = 'APPLIED' WHERE state = 'PENDING'");
        execute(db, "UPDATE call SET ended_at = now() WHERE ended_at IS NULL");
        team = TestTeams.withAllScopes();
        agentId = team.postAgent("Worker").then().statusCode(201).extract().path("id");
    }

    private String place() {
        return CallTestSupport.place(team, agentId, Map.of()).getString("id");
    }

    private String status(String id) {
        return CallTestSupport.get(team, id).getString("status");
    }

    private void applyUntilIdle() {
        assertThat(hamsa.awaitWebhooksIdle(Duration.ofSeconds(20))).isTrue();
        while (inbox.applyPending(100).handled() > 0) {
            // drain
        }
    }

    @Test
    void a_queued_call_is_cancelled_and_never_sent() {
        String id = place();

        JsonPath cancelled = given().spec(team.spec()).post("/api/v1/calls/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).extract().jsonPath();
        assertThat(cancelled.getString("endedAt")).isNotNull();
        given().spec(team.spec()).post("/api/v1/calls/" + id + "/cancel").then().statusCode(409)
                .body("code", equalTo("CALL_NOT_CANCELLABLE"));

        assertThat(dispatch.dispatchDue(10)).isZero();
        assertThat(countOnHamsa(hamsa, id)).isZero();
        given().spec(team.spec()).queryParam("status", "CANCELLED").get("/api/v1/calls").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(id)));
    }

    @Test
    void a_call_a_worker_is_sending_cannot_be_cancelled() {
        String id = place();
        execute(db, "UPDATE call_dispatch_job SET leased_by = 'another-replica', leased_until = now() + interval '1 minute',"
                + " attempts = 1 WHERE call_id = '" + id + "'");

        given().spec(team.spec()).post("/api/v1/calls/" + id + "/cancel").then().statusCode(409)
                .body("code", equalTo("CALL_NOT_CANCELLABLE"));
        assertThat(dispatch.dispatchDue(10)).as("a live lease is not taken").isZero();
        assertThat(status(id)).isEqualTo("QUEUED");
    }

    @Test
    void a_job_whose_worker_died_after_reaching_hamsa_is_taken_again_and_not_placed_twice() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withAutoPlay(false));
        String id = place();
        // The dead worker's request reached Hamsa (same agent, Switchboard's id in the params), then it died.
        String hamsaAgent = CallTestSupport.get(team, id).getString("agentId");
        String hamsaAgentId = given().spec(team.spec()).get("/api/v1/agents/" + hamsaAgent).then().extract().path("hamsaAgentId");
        given().baseUri(hamsa.baseUri().toString()).header("Authorization", "Token " + hamsa.apiKey())
                .contentType(ContentType.JSON)
                .body(Map.of("voiceAgentId", hamsaAgentId, "toNumber", "+14155550123",
                        "params", Map.of("switchboard_call_id", id)))
                .post("/v1/voice-agents/call").then().statusCode(200);
        execute(db, "UPDATE call_dispatch_job SET leased_by = 'dead-replica', leased_until = now() - interval '1 second',"
                + " attempts = 1 WHERE call_id = '" + id + "'");

        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);

        assertThat(status(id)).isEqualTo("DISPATCHED");
        assertThat(countOnHamsa(hamsa, id)).isEqualTo(1);
        SimulatedCall only = CallTestSupport.onHamsa(hamsa, id);
        assertThat(CallTestSupport.get(team, id).getString("hamsaCallId")).isEqualTo(only.jobId());
    }

    @Test
    void a_job_whose_worker_died_before_reaching_hamsa_is_placed_once_by_the_next() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withAutoPlay(false));
        String id = place();
        execute(db, "UPDATE call_dispatch_job SET leased_by = 'dead-replica', leased_until = now() - interval '1 second',"
                + " attempts = 1 WHERE call_id = '" + id + "'");

        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);

        assertThat(status(id)).isEqualTo("DISPATCHED");
        assertThat(countOnHamsa(hamsa, id)).isEqualTo(1);
    }

    @Test
    void an_answer_lost_after_hamsa_placed_the_call_is_not_followed_by_a_second_placement() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withAutoPlay(false));
        String id = place();
        hamsa.loseNextAnswer();

        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        assertThat(status(id)).as("the outcome is unknown: still queued, to be looked up").isEqualTo("QUEUED");
        assertThat(countOnHamsa(hamsa, id)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> dispatch.dispatchDue(10) == 1);
        assertThat(status(id)).isEqualTo("DISPATCHED");
        assertThat(countOnHamsa(hamsa, id)).isEqualTo(1);
    }

    @Test
    void a_web_conversation_an_agent_event_adopted_before_its_dispatch_finished_still_takes_its_id_and_its_events() {
        String hamsaAgentId = given().spec(team.spec()).get("/api/v1/agents/" + agentId).then().statusCode(200)
                .extract().path("hamsaAgentId");
        var agentOnHamsa = hamsa.agent(hamsaAgentId).orElseThrow();
        String id = given().spec(team.spec()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("agentId", agentId, "channel", "WEB")).post("/api/v1/calls").then().statusCode(202)
                .extract().path("id");
        hamsa.loseNextAnswer();
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        assertThat(status(id)).as("the outcome is unknown: still queued, to be looked up").isEqualTo("QUEUED");
        String jobId = CallTestSupport.onHamsa(hamsa, id).jobId();

        // Before the dispatcher learns the job id, an event about it reaches the agent's webhook: adopted.
        Map<String, Object> early = new java.util.LinkedHashMap<>(Map.of("eventType", "call.started", "callId", jobId,
                "timestamp", java.time.Instant.now().toString(), "agentId", hamsaAgentId, "data", Map.of()));
        given().contentType(io.restassured.http.ContentType.JSON).header("Authorization", agentOnHamsa.authorization())
                .body(early).post(java.net.URI.create(agentOnHamsa.webhookUrl()).getPath()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> dispatch.dispatchDue(10) == 1);
        assertThat(status(id)).isEqualTo("DISPATCHED");
        assertThat(CallTestSupport.get(team, id).getString("hamsaCallId")).isEqualTo(jobId);
        assertThat(countOnHamsa(hamsa, id)).as("opened once").isEqualTo(1);

        hamsa.joinConversation(jobId);
        applyUntilIdle();
        assertThat(status(id)).as("the placed call, not its twin, takes the conversation's events").isEqualTo("COMPLETED");
    }

    @Test
    void a_call_an_earlier_attempt_may_have_placed_can_no_longer_be_cancelled() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withAutoPlay(false));
        String id = place();
        hamsa.loseNextAnswer();
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("QUEUED");

        given().spec(team.spec()).post("/api/v1/calls/" + id + "/cancel").then().statusCode(409)
                .body("code", equalTo("CALL_NOT_CANCELLABLE"));
        assertThat(countOnHamsa(hamsa, id)).isEqualTo(1);
    }

    @Test
    void a_call_hamsa_refuses_fails_with_the_reason_and_one_it_cannot_take_is_retried_then_failed() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withAutoPlay(false));
        String refused = place();
        execute(db, "UPDATE call SET hamsa_agent_id = 'gone-from-hamsa' WHERE id = '" + refused + "'");
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        JsonPath failed = CallTestSupport.get(team, refused);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failureReason")).startsWith("Hamsa refused the call");

        String unlucky = place();
        // 503: Hamsa surely did nothing (after a 500 it may have placed the call, which is then never given up on)
        hamsa.failNext(503, 100, Duration.ZERO);
        for (int attempt = 1; attempt <= 3; attempt++) {
            int taken = attempt;
            // Each attempt here is five failed requests: the breaker would open and hold the call back (which does
            // not count as an attempt). This test is about the attempts, so each starts with a closed breaker.
            CDI.current().select(CircuitBreakerMaintenance.class).get().resetAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> dispatch.dispatchDue(10) == 1);
            assertThat(status(unlucky)).as("after attempt %d", taken).isEqualTo(attempt < 3 ? "QUEUED" : "FAILED");
        }
        assertThat(CallTestSupport.get(team, unlucky).getString("failureReason")).contains("after 3 attempts");
    }

    @Test
    void a_call_whose_end_never_arrived_is_ended_by_the_reconciler_from_hamsas_record() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withDropEventTypes(Set.of(CallScript.CALL_ENDED)));
        String id = place();
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        applyUntilIdle();
        assertThat(status(id)).isEqualTo("ANSWERED");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> reconcile.reconcileOverdue(10) > 0);
        applyUntilIdle();

        JsonPath call = CallTestSupport.get(team, id);
        assertThat(call.getString("status")).isEqualTo("COMPLETED");
        assertThat(call.getString("recordingUrl")).startsWith("https://");
        assertThat(call.getMap("outcome")).containsEntry("application_id", "12345");
        assertThat(call.getList("transcript")).hasSize(4);
        assertThat(call.getList("timeline.event")).containsOnlyOnce("call.ended");
        // an ended call is not looked up again
        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(reconcile.reconcileOverdue(10)).isZero();
    }

    @Test
    void a_call_still_in_progress_on_hamsa_is_left_alone_by_the_reconciler() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withAutoPlay(false));
        String id = place();
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> reconcile.reconcileOverdue(10) > 0);
        applyUntilIdle();

        assertThat(status(id)).isEqualTo("DISPATCHED");
    }
}
