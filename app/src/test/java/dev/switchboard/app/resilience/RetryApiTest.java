package dev.switchboard.app.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries of Hamsa calls with the production schedule (1, 2, 4, 8 s), against the simulator: what is
 * retried, after how long, and what the team gets when the retries run out. The breaker is set out of reach
 * here; {@link CircuitBreakerApiTest} covers it.
 */
@QuarkusTest
@TestProfile(RetryApiTest.ProductionRetries.class)
class RetryApiTest {

    public static class ProductionRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.upstream.retry.initial-delay", "1s",
                    "switchboard.upstream.breaker.request-volume", "1000");
        }
    }

    private static final String AGENTS = "/v2/voice-agents";

    private HamsaSimulator hamsa;
    private TestTeam team;

    @BeforeEach
    void calmHamsa() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
    }

    @AfterEach
    void forget() {
        SandboxHamsa.forgetQuotaSchedule();
    }

    private Response create(String name) {
        return team.postAgent(name);
    }

    private List<RecordedRequest> creates() {
        return hamsa.recordedRequests("POST", AGENTS);
    }

    private static List<Long> gapsMillis(List<RecordedRequest> requests) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(Duration.between(requests.get(i - 1).at(), requests.get(i).at()).toMillis());
        }
        return gaps;
    }

    @Test
    void a_429_with_retry_after_2_is_retried_after_about_2_s_and_succeeds() {
        hamsa.failNext(429, Duration.ofSeconds(2));

        Response r = create("Patient");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(creates()).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(gapsMillis(creates()).get(0)).isBetween(1_950L, 2_800L);
        assertThat(PrometheusScrape.value("switchboard_hamsa_rate_limited_total")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void a_400_is_tried_once() {
        hamsa.failNext(400);

        Response r = create("Invalid");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.jsonPath().getString("code")).isEqualTo("HAMSA_REJECTED");
        assertThat(creates()).hasSize(1);
    }

    @Test
    void a_503_burst_is_retried_with_backoff_and_then_given_up_with_a_clear_error() {
        double retriesBefore = PrometheusScrape.value("switchboard_hamsa_retries_total", "operation=\"create-agent\"");
        double givenUpBefore = PrometheusScrape.value("switchboard_hamsa_retries_exhausted_total",
                "operation=\"create-agent\"");
        hamsa.failNext(503, 5);

        Response r = create("Never");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("HAMSA_UNAVAILABLE");
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(creates()).hasSize(5).extracting(RecordedRequest::status).containsOnly(503);
        List<Long> gaps = gapsMillis(creates());
        long[] nominal = {1_000, 2_000, 4_000, 8_000};
        for (int i = 0; i < nominal.length; i++) {
            // at least the schedule's delay, at most that plus 20 % jitter and some scheduling slack
            assertThat(gaps.get(i)).as("wait before retry %d", i + 1).isBetween(nominal[i] - 20, nominal[i] * 12 / 10 + 400);
        }
        assertThat(PrometheusScrape.value("switchboard_hamsa_retries_total", "operation=\"create-agent\"") - retriesBefore)
                .isEqualTo(4.0);
        assertThat(PrometheusScrape.value("switchboard_hamsa_retries_exhausted_total", "operation=\"create-agent\"")
                - givenUpBefore).isEqualTo(1.0);
    }

    @Test
    void a_500_is_retried_for_an_update_but_not_for_a_create_hamsa_may_have_carried_out() {
        String id = create("Five hundred").then().statusCode(201).extract().path("id");
        hamsa.clearRecordedRequests();

        hamsa.failNext(500);
        Response patched = given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("name", "Renamed"))
                .patch("/api/v1/agents/" + id);
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(hamsa.recordedRequests("PATCH", AGENTS)).extracting(RecordedRequest::status).containsExactly(500, 200);

        hamsa.failNext(500);
        Response created = create("Maybe made");
        assertThat(created.statusCode()).isEqualTo(502);
        assertThat(created.jsonPath().getString("code")).isEqualTo("HAMSA_OUTCOME_UNKNOWN");
        assertThat(created.header("Retry-After")).isNull();
        assertThat(creates()).hasSize(1);
    }

    @Test
    void a_503_that_says_when_to_come_back_is_retried_then_and_not_on_the_schedule() {
        hamsa.failNext(503, Duration.ofSeconds(3));

        Response r = create("Later");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(gapsMillis(creates()).get(0)).isBetween(2_950L, 3_800L);
    }

    @Test
    void a_dropped_connection_is_retried_for_an_update_but_not_for_a_create_hamsa_may_have_made() {
        String id = create("Dropped").then().statusCode(201).extract().path("id");
        hamsa.clearRecordedRequests();

        hamsa.dropNext(1);
        Response patched = given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("name", "Renamed"))
                .patch("/api/v1/agents/" + id);
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(hamsa.recordedRequests("PATCH", AGENTS)).hasSize(2);

        hamsa.dropNext(1);
        Response created = create("Maybe made");
        assertThat(created.statusCode()).isEqualTo(504);
        assertThat(created.jsonPath().getString("code")).isEqualTo("HAMSA_TIMEOUT");
        assertThat(creates()).hasSize(1);
    }
}
