package dev.switchboard.app.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.FaultSettings;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agents circuit breaker against the simulator: it opens on Hamsa failing, stops all traffic to Hamsa
 * while open, lets trial calls through after its delay and closes on their success. Meanwhile reads answer
 * from Postgres marked stale, and writes answer 503 with the time to come back.
 */
@QuarkusTest
@TestProfile(CircuitBreakerApiTest.SmallBreaker.class)
class CircuitBreakerApiTest {

    /** Four calls in the window, half failing opens it; two seconds open; two trial successes close it. */
    public static class SmallBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.upstream.retry.initial-delay", "50ms",
                    "switchboard.upstream.breaker.request-volume", "4",
                    "switchboard.upstream.breaker.failure-ratio", "0.5",
                    "switchboard.upstream.breaker.delay", "2s",
                    "switchboard.upstream.breaker.success-threshold", "2");
        }
    }

    private HamsaSimulator hamsa;
    private TestTeam team;

    @BeforeEach
    void calmHamsa() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
    }

    private Response create(String name) {
        return team.postAgent(name);
    }

    private Response rename(String id, String name) {
        return given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("name", name))
                .patch("/api/v1/agents/" + id);
    }

    private static String breakerInHealth() {
        return given().get("/q/health").then().extract().jsonPath()
                .getString("checks.find { it.name == 'hamsa' }.data.'breaker.agents'");
    }

    /** Hamsa fails every request (500 or 503) until the breaker has opened. */
    private void breakTheBreaker() {
        hamsa.setFaults(FaultSettings.none().withErrorRate(1.0));
        for (int i = 0; i < 10 && !"open".equals(breakerInHealth()); i++) {
            // a 503 is retried, then answered; a 500 on a creation may have made the agent and is not retried
            assertThat(create("Doomed").statusCode()).isIn(502, 503);
        }
        assertThat(breakerInHealth()).isEqualTo("open");
    }

    @Test
    void the_breaker_opens_half_opens_and_closes() throws InterruptedException {
        String id = create("Steady").then().statusCode(201).extract().path("id");

        breakTheBreaker();
        int sentWhileBreaking = hamsa.recordedRequests().size();
        assertThat(PrometheusScrape.value("switchboard_hamsa_breaker_state", "area=\"agents\"")).isEqualTo(2.0);

        // Open: nothing reaches Hamsa, and the team hears when to come back.
        hamsa.setFaults(FaultSettings.none());
        Response refused = rename(id, "Blocked");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.jsonPath().getString("code")).isEqualTo("HAMSA_CIRCUIT_OPEN");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(hamsa.recordedRequests()).hasSize(sentWhileBreaking);
        // The health check reports the breaker without taking the replica out of service.
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);

        // After the delay the breaker lets trial calls through (half-open), and reads no longer say stale:
        // Hamsa may be back, and only a write can tell. Enough successful trials close it.
        Thread.sleep(2_100);
        assertThat(breakerInHealth()).isEqualTo("half-open");
        given().spec(team.spec()).get("/api/v1/agents/" + id).then().statusCode(200).body("stale", equalTo(false));
        rename(id, "Trial one").then().statusCode(200);
        assertThat(breakerInHealth()).isEqualTo("half-open");
        rename(id, "Trial two").then().statusCode(200);
        assertThat(breakerInHealth()).isEqualTo("closed");
        assertThat(PrometheusScrape.value("switchboard_hamsa_breaker_state", "area=\"agents\"")).isZero();
    }

    @Test
    void while_the_breaker_is_open_reads_come_from_postgres_marked_stale_and_writes_are_refused() {
        String id = create("Mirrored").then().statusCode(201).extract().path("id");
        given().spec(team.spec()).get("/api/v1/agents/" + id).then().statusCode(200).body("stale", equalTo(false));

        breakTheBreaker();
        hamsa.setFaults(FaultSettings.none());

        given().spec(team.spec()).get("/api/v1/agents/" + id).then().statusCode(200)
                .body("name", equalTo("Mirrored"))
                .body("stale", equalTo(true));
        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(200)
                .body("stale", equalTo(true))
                .body("items.find { it.id == '" + id + "' }.stale", equalTo(true));
        Response write = create("Not now");
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(write.jsonPath().getString("code")).isEqualTo("HAMSA_CIRCUIT_OPEN");
        assertThat(write.header("Retry-After")).isNotNull();
    }

    @Test
    void hamsa_refusing_requests_does_not_open_the_breaker() {
        for (int i = 0; i < 6; i++) {
            hamsa.failNext(400);
            assertThat(create("Refused " + i).statusCode()).isEqualTo(422);
        }

        assertThat(breakerInHealth()).isEqualTo("closed");
        create("Accepted").then().statusCode(201);
    }
}
