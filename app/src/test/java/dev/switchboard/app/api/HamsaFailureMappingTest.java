package dev.switchboard.app.api;

import static dev.switchboard.app.api.VoiceAgentApiTest.agentBody;
import static dev.switchboard.app.api.VoiceAgentApiTest.createAgent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.simulator.FaultSettings;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of Hamsa failure, produced by the simulator, reaches the team as the right problem. */
@QuarkusTest
class HamsaFailureMappingTest {

    /**
     * Scripted failures are aimed at agent creation: the workers and the knowledge refresh also talk to the
     * sandbox while these tests run, and an unaimed failure would go to whichever request came first.
     */
    private static final String CREATE = "/v2/voice-agents";

    private HamsaSimulator hamsa;

    @BeforeEach
    void calmHamsa() {
        TestTeams.withAllScopes().useByDefault();
        hamsa = SandboxHamsa.calm();
    }

    private static long agentsInMirror() {
        // limit=100 is plenty here: each test looks at what one failed write left behind
        return given().queryParam("limit", 100).when().get("/api/v1/agents").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    @Test
    void hamsa_validation_failure_is_422_with_hamsas_code_and_fields() {
        hamsa.failNextOn("POST", CREATE, 400, 1);

        given().contentType(ContentType.JSON).body(agentBody("Refused"))
                .when().post("/api/v1/agents")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("HAMSA_REJECTED"))
                .body("hamsa.code", equalTo("10400"))
                .body("hamsa.message", notNullValue());
    }

    @Test
    void hamsa_not_found_is_404() {
        String id = createAgent(agentBody("Forgotten by Hamsa")).path("id");
        hamsa.reset();
        hamsa.setRateLimit(100_000, Duration.ofMinutes(1));

        given().contentType(ContentType.JSON).body(Map.of("greeting", "Still there?"))
                .when().patch("/api/v1/agents/" + id)
                .then().statusCode(404)
                .body("code", equalTo("HAMSA_NOT_FOUND"))
                .body("hamsa.code", equalTo("10404"));
        given().when().get("/api/v1/agents/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void hamsa_down_is_503_with_retry_after_and_nothing_is_stored() {
        long before = agentsInMirror();
        hamsa.failNextOn("POST", CREATE, 503, 5); // the first attempt and every retry

        given().contentType(ContentType.JSON).body(agentBody("Never created"))
                .when().post("/api/v1/agents")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("code", equalTo("HAMSA_UNAVAILABLE"));
        hamsa.setFaults(FaultSettings.none());
        assertThat(agentsInMirror()).isEqualTo(before);
    }

    @Test
    void a_500_on_a_creation_is_an_unknown_outcome_and_not_an_invitation_to_retry() {
        hamsa.failNextOn("POST", CREATE, 500, 1);

        given().contentType(ContentType.JSON).body(agentBody("Maybe made"))
                .when().post("/api/v1/agents")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("HAMSA_OUTCOME_UNKNOWN"))
                .header("Retry-After", org.hamcrest.Matchers.nullValue());
        assertThat(hamsa.recordedRequests("POST", "/v2/voice-agents")).hasSize(1);
    }

    @Test
    void hamsa_rate_limit_is_503_with_hamsas_retry_after() {
        // 47 s: nothing like Switchboard's own 5 s default, so the test sees whose value it got.
        hamsa.failNextOn("POST", CREATE, 429, 1, Duration.ofSeconds(47));

        given().contentType(ContentType.JSON).body(agentBody("Too many"))
                .when().post("/api/v1/agents")
                .then().statusCode(503)
                .body("code", equalTo("HAMSA_RATE_LIMITED"))
                .body("hamsa.code", equalTo("10429"))
                .header("Retry-After", equalTo("47"));
    }

    @Test
    void hamsa_exhausting_its_real_rate_limit_is_503_with_a_retry_after_inside_the_window() {
        hamsa.setRateLimit(0, Duration.ofSeconds(30));

        String retryAfter = given().contentType(ContentType.JSON).body(agentBody("Over quota"))
                .when().post("/api/v1/agents")
                .then().statusCode(503)
                .body("code", equalTo("HAMSA_RATE_LIMITED"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 30L);
    }

    @Test
    void hamsa_past_its_read_timeout_is_504() {
        hamsa.setFaults(FaultSettings.none().withTimeouts(1.0, 3_000));

        given().contentType(ContentType.JSON).body(agentBody("Slow"))
                .when().post("/api/v1/agents")
                .then().statusCode(504)
                .body("code", equalTo("HAMSA_TIMEOUT"));
    }

    @Test
    void hamsa_refusing_our_key_is_502_and_says_nothing_of_the_key() {
        hamsa.failNextOn("POST", CREATE, 403, 1);

        String body = given().contentType(ContentType.JSON).body(agentBody("Locked out"))
                .when().post("/api/v1/agents")
                .then().statusCode(502)
                .body("code", equalTo("HAMSA_AUTH_FAILED"))
                .extract().asString();
        assertThat(body).doesNotContain("test-sandbox-key");
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }
}
