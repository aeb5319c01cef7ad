package dev.switchboard.app.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call's whole loop in the packaged application (the jar, or the native executable with {@code -Dnative}):
 * placed, dispatched by the scheduled workers, played by the sandbox simulator, its webhooks received, stored
 * and applied; then read back with transcript, outcome and timeline, and a dead-letter listing.
 */
@QuarkusIntegrationTest
class PackagedCallsIT {

    private static final String SIMULATOR = SecondReplica.SIMULATOR;

    @Test
    void a_call_is_placed_played_and_read_back_with_its_transcript_and_outcome() {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 0, "latencyJitterMs", 0, "errorRate", 0.0,
                "timeoutRate", 0.0)).put(SIMULATOR + "/_admin/faults").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("autoPlay", true, "stepDelayMillis", 20))
                .put(SIMULATOR + "/_admin/calls/script").then().statusCode(200);
        TestTeam team = TestTeams.withAllScopes();
        String agentId = team.postAgent("Packaged caller").then().statusCode(201).extract().path("id");

        String id = given().spec(team.spec()).contentType(ContentType.JSON)
                .body(Map.of("agentId", agentId, "toNumber", "+14155550123", "params", Map.of("order", "ORD-1")))
                .post("/api/v1/calls").then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "COMPLETED".equals(
                given().spec(team.spec()).get("/api/v1/calls/" + id).then().statusCode(200).extract().path("status")));
        JsonPath call = given().spec(team.spec()).get("/api/v1/calls/" + id).then().extract().jsonPath();
        assertThat(call.getList("transcript")).hasSize(4);
        assertThat(call.getMap("outcome")).containsEntry("order", "ORD-1");
        assertThat(call.getList("timeline.event")).contains("queued", "dispatched", "call.ended");
        given().spec(team.spec()).queryParam("status", "COMPLETED").get("/api/v1/calls").then().statusCode(200);
        given().spec(TestTeams.admin()).get("/api/v1/admin/webhooks/dead-letters").then().statusCode(200);
    }
}
