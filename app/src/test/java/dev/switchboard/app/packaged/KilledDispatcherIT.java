package dev.switchboard.app.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A replica is killed (SIGKILL) while its request placing a call is on its way to Hamsa: Hamsa places the call,
 * nobody records that it did. Another replica takes the job once its lease runs out, finds the call on Hamsa by
 * its correlation key, and adopts it: the call is neither lost nor placed twice, and it plays to the end.
 * The replica Quarkus starts runs no call workers here: it only serves the API and receives the webhooks.
 */
@QuarkusIntegrationTest
@TestProfile(KilledDispatcherIT.NoWorkersHere.class)
class KilledDispatcherIT {

    public static class NoWorkersHere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.calls.workers-enabled", "false");
        }
    }

    private static final String SIMULATOR = SecondReplica.SIMULATOR;
    /** Short leases, so the survivor takes the job over in seconds rather than minutes. */
    private static final Map<String, String> WORKER = Map.of("switchboard.calls.dispatch.lease", "3s",
            "switchboard.calls.dispatch.max-duration", "2s", "switchboard.calls.dispatch.every", "100ms");

    private Process doomed;
    private Process survivor;

    @AfterEach
    void stopReplicas() throws InterruptedException {
        faults(0);
        SecondReplica.stop(doomed);
        SecondReplica.stop(survivor);
    }

    private static void faults(int latencyMs) {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", latencyMs, "latencyJitterMs", 0, "errorRate", 0.0,
                "timeoutRate", 0.0)).put(SIMULATOR + "/_admin/faults").then().statusCode(200);
    }

    private static List<Map<String, Object>> callsOnHamsa(String callId) {
        return given().get(SIMULATOR + "/_admin/calls").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(c -> callId.equals(((Map<?, ?>) c.get("params")).get("switchboard_call_id"))).toList();
    }

    private static boolean placementArrived() {
        return given().get(SIMULATOR + "/_admin/requests").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .anyMatch(r -> "POST".equals(r.get("method")) && "/v1/voice-agents/call".equals(r.get("path")));
    }

    @Test
    void a_replica_killed_while_placing_a_call_neither_loses_nor_doubles_it() throws Exception {
        faults(0);
        given().contentType(ContentType.JSON).body(Map.of("autoPlay", true, "stepDelayMillis", 20))
                .put(SIMULATOR + "/_admin/calls/script").then().statusCode(200);
        TestTeam team = TestTeams.withAllScopes();
        String agentId = team.postAgent("Survivor").then().statusCode(201).extract().path("id");
        given().delete(SIMULATOR + "/_admin/requests").then().statusCode(200);
        // Hamsa takes 1.5 s to answer (under the 2 s read timeout): time enough to kill the sender mid-request.
        faults(1500);
        String id = given().spec(team.spec()).contentType(ContentType.JSON)
                .body(Map.of("agentId", agentId, "toNumber", "+14155550123")).post("/api/v1/calls")
                .then().statusCode(202).extract().path("id");

        doomed = SecondReplica.start(18183, "doomed-replica", WORKER);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(KilledDispatcherIT::placementArrived);
        doomed.destroyForcibly().waitFor();
        await().atMost(Duration.ofSeconds(5)).until(() -> callsOnHamsa(id).size() == 1);
        faults(0);
        assertThat(given().spec(team.spec()).get("/api/v1/calls/" + id).then().extract().<String>path("status"))
                .as("nobody recorded the placement").isEqualTo("QUEUED");

        survivor = SecondReplica.start(18184, "survivor-replica", WORKER);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "COMPLETED".equals(
                given().spec(team.spec()).get("/api/v1/calls/" + id).then().extract().path("status")));

        List<Map<String, Object>> onHamsa = callsOnHamsa(id);
        assertThat(onHamsa).as("Hamsa was asked once").hasSize(1);
        JsonPath call = given().spec(team.spec()).get("/api/v1/calls/" + id).then().extract().jsonPath();
        assertThat(call.getString("hamsaCallId")).isEqualTo(onHamsa.get(0).get("jobId"));
        assertThat(call.getList("transcript")).hasSize(4);
    }
}
