package dev.switchboard.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.app.resilience.PrometheusScrape;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis unreachable (nothing listens where it should be). A request with an Idempotency-Key is refused
 * without running, since running it could repeat work; requests without one go on, uncounted.
 */
@QuarkusTest
@TestProfile(RedisDownTest.NoRedis.class)
class RedisDownTest {

    public static class NoRedis implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + closedPort(), "quarkus.redis.timeout", "1s");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private HamsaSimulator hamsa;
    private TestTeam team;

    @BeforeEach
    void setUp() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
    }

    @Test
    void a_keyed_request_is_refused_with_503_and_hamsa_never_sees_it() {
        Response r = given().spec(team.spec()).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(VoiceAgentApiTest.agentBody("Not now"))
                .post("/api/v1/agents");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.jsonPath().getString("code")).isEqualTo("IDEMPOTENCY_UNAVAILABLE");
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("127.0.0.1");
        assertThat(hamsa.recordedRequests("POST", "/v2/voice-agents")).isEmpty();
    }

    @Test
    void requests_without_a_key_still_work_and_carry_no_ratelimit_fields_they_could_not_count() {
        Response created = given().spec(team.spec()).contentType(ContentType.JSON)
                .body(VoiceAgentApiTest.agentBody("Still works")).post("/api/v1/agents");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("RateLimit")).isNull();
        given().spec(team.spec()).get("/api/v1/agents/" + created.path("id")).then().statusCode(200)
                .body("name", equalTo("Still works"));
    }

    @Test
    void the_replica_stays_ready_and_wellness_says_redis_is_down() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'redis' }.status", equalTo("DOWN"));
    }

    @Test
    void hamsa_calls_go_on_under_a_local_share_of_the_quota_and_health_and_metrics_say_so() {
        given().spec(team.spec()).contentType(ContentType.JSON)
                .body(VoiceAgentApiTest.agentBody("Paced locally")).post("/api/v1/agents").then().statusCode(201);

        given().get("/q/health").then()
                .body("checks.find { it.name == 'hamsa' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'hamsa' }.data.quota", equalTo("local-fallback"));
        assertThat(PrometheusScrape.value("switchboard_hamsa_quota_fallback")).isEqualTo(1.0);
    }
}
