package dev.switchboard.app.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged application on the same Postgres and Redis: the one Quarkus starts
 * (with the sandbox simulator), and a second this test starts from the same artifact, pointed at that
 * simulator. What one replica answered for an Idempotency-Key, the other replays; a key one replica is
 * running is "in use" on the other; and the team limit is one count across both.
 */
@QuarkusIntegrationTest
class TwoReplicasIT {

    private static final String SIMULATOR = SecondReplica.SIMULATOR;
    private static final int SECOND_PORT = 18181;
    private static Process second;

    private TestTeam team;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        second = SecondReplica.start(SECOND_PORT, "second-replica", Map.of());
    }

    @AfterAll
    static void stopSecondReplica() throws InterruptedException {
        SecondReplica.stop(second);
    }

    @BeforeEach
    void calmHamsaAndATeam() {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 0, "latencyJitterMs", 0, "errorRate", 0.0,
                "timeoutRate", 0.0)).put(SIMULATOR + "/_admin/faults").then().statusCode(200);
        given().delete(SIMULATOR + "/_admin/requests").then().statusCode(200);
        team = TestTeams.withAllScopes();
    }

    private Response createOn(int port, String key, String name) {
        return given().spec(team.spec()).port(port).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(TestTeams.agentBody(name))
                .post("/api/v1/agents");
    }

    private static int hamsaCreates() {
        return given().get(SIMULATOR + "/_admin/requests").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(r -> "POST".equals(r.get("method")) && "/v2/voice-agents".equals(r.get("path"))).toList().size();
    }

    @Test
    void an_answer_given_by_one_replica_is_replayed_by_the_other() {
        String key = "k-" + UUID.randomUUID();

        Response first = createOn(RestAssured.port, key, "Replicated");
        Response again = createOn(SECOND_PORT, key, "Replicated");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(hamsaCreates()).isEqualTo(1);
        assertThat(createOn(SECOND_PORT, key, "Different").statusCode()).isEqualTo(422);
    }

    @Test
    void a_key_running_on_one_replica_is_in_use_on_the_other() {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 1500)).put(SIMULATOR + "/_admin/faults")
                .then().statusCode(200);
        String key = "race-" + UUID.randomUUID();

        CompletableFuture<Response> onFirst = CompletableFuture.supplyAsync(() -> createOn(RestAssured.port, key, "Racer"));
        CompletableFuture<Response> onSecond = CompletableFuture.supplyAsync(() -> {
            sleep(400);
            return createOn(SECOND_PORT, key, "Racer");
        });

        assertThat(List.of(onFirst.join().statusCode(), onSecond.join().statusCode())).containsExactlyInAnyOrder(201, 409);
        assertThat(hamsaCreates()).isEqualTo(1);
    }

    @Test
    void a_teams_limit_is_one_count_across_replicas() {
        TestTeam limited = TestTeams.create(2, TestTeams.ALL_SCOPES);
        given().spec(limited.spec()).get("/api/v1/agents").then().statusCode(200);
        given().spec(limited.spec()).port(SECOND_PORT).get("/api/v1/agents").then().statusCode(200);

        given().spec(limited.spec()).get("/api/v1/agents").then().statusCode(429);
        given().spec(limited.spec()).port(SECOND_PORT).get("/api/v1/agents").then().statusCode(429);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
