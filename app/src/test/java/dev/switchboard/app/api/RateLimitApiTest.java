package dev.switchboard.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-team request limits, counted in the real Redis that every replica shares. */
@QuarkusTest
class RateLimitApiTest {

    @Test
    void a_team_over_its_limit_gets_429_with_retry_after_and_ratelimit_fields() {
        TestTeam team = TestTeams.create(3, TestTeams.ALL_SCOPES);

        for (int remaining = 2; remaining >= 0; remaining--) {
            Response ok = given().spec(team.spec()).get("/api/v1/agents");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"team\";q=3;w=60");
            assertThat(ok.header("RateLimit")).startsWith("\"team\";r=" + remaining + ";t=");
        }

        Response refused = given().spec(team.spec()).get("/api/v1/agents");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit")).isEqualTo("\"team\";r=0;t=" + retryAfter);
    }

    @Test
    void one_teams_burst_does_not_limit_another_team() {
        TestTeam noisy = TestTeams.create(1, TestTeams.ALL_SCOPES);
        TestTeam quiet = TestTeams.create(1, TestTeams.ALL_SCOPES);
        given().spec(noisy.spec()).get("/api/v1/agents").then().statusCode(200);
        given().spec(noisy.spec()).get("/api/v1/agents").then().statusCode(429);

        given().spec(quiet.spec()).get("/api/v1/agents").then().statusCode(200);
    }

    @Test
    void every_key_of_a_team_draws_on_the_same_limit() {
        TestTeam first = TestTeams.create(2, TestTeams.ALL_SCOPES);
        TestTeam second = TestTeams.issueKey(first.id(), List.of("agents:read"));
        given().spec(first.spec()).get("/api/v1/agents").then().statusCode(200);
        given().spec(second.spec()).get("/api/v1/agents").then().statusCode(200);

        given().spec(second.spec()).get("/api/v1/agents").then().statusCode(429);
    }

    @Test
    void an_operator_can_raise_a_teams_limit_and_it_applies_at_once() {
        TestTeam team = TestTeams.create(1, TestTeams.ALL_SCOPES);
        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(200);
        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(429);

        given().spec(TestTeams.admin()).contentType(ContentType.JSON).body(Map.of("requestsPerMinute", 10))
                .patch("/api/v1/admin/teams/" + team.id())
                .then().statusCode(200).body("requestsPerMinute", equalTo(10));

        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(200)
                .header("RateLimit-Policy", "\"team\";q=10;w=60");
    }

    @Test
    void requests_refused_for_their_credential_do_not_count_against_the_team() {
        TestTeam team = TestTeams.create(1, TestTeams.ALL_SCOPES);
        TestTeam readOnly = TestTeams.issueKey(team.id(), List.of("agents:read"));
        for (int i = 0; i < 3; i++) {
            given().spec(readOnly.spec()).contentType(ContentType.JSON).body(VoiceAgentApiTest.agentBody("No"))
                    .post("/api/v1/agents").then().statusCode(403);
        }

        given().spec(team.spec()).get("/api/v1/agents").then().statusCode(200);
    }

    @Test
    void a_burst_of_concurrent_requests_is_counted_request_by_request() throws Exception {
        int limit = 40;
        TestTeam team = TestTeams.create(limit, TestTeams.ALL_SCOPES);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(60);
        try {
            List<java.util.concurrent.Callable<Integer>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                burst.add(() -> given().spec(team.spec()).get("/api/v1/agents").statusCode());
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(burst)) {
                statuses.add(f.get());
            }
            // Every request reached the shared counter: none slipped through uncounted for want of a Redis connection.
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(limit);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(60 - limit);
        } finally {
            pool.shutdownNow();
        }
    }
}
