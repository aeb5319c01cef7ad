package dev.switchboard.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.FaultSettings;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} over real HTTP, with the keys in the real Redis and the simulator counting Hamsa calls. */
@QuarkusTest
class IdempotencyApiTest {

    /**
     * Scripted failures are aimed at agent creation: the workers and the knowledge refresh also talk to the
     * sandbox while these tests run, and an unaimed failure would go to whichever request came first.
     */
    private static final String CREATE = "/v2/voice-agents";

    private HamsaSimulator hamsa;
    private TestTeam team;

    @BeforeEach
    void setUp() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
    }

    private Response create(TestTeam as, String key, Map<String, Object> body) {
        return given().spec(as.spec()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/agents");
    }

    private int hamsaCreates() {
        return hamsa.recordedRequests("POST", "/v2/voice-agents").size();
    }

    @Test
    void the_same_request_twice_makes_one_hamsa_call_and_gets_the_same_answer() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = VoiceAgentApiTest.agentBody("Once");

        Response first = create(team, key, body);
        Response second = create(team, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(hamsaCreates()).isEqualTo(1);
        assertThat(given().spec(team.spec()).queryParam("limit", 100).get("/api/v1/agents").jsonPath().getList("items"))
                .hasSize(1);
    }

    @Test
    void the_same_json_written_differently_is_the_same_request() {
        String key = "create-" + UUID.randomUUID();
        String compact = "{\"name\":\"Same\",\"greeting\":\"Hi\",\"preamble\":\"P\",\"language\":\"en\",\"voiceId\":\"v\"}";
        String spaced = "{ \"voiceId\": \"v\", \"language\": \"en\",\n \"preamble\": \"P\", \"greeting\": \"Hi\", \"name\": \"Same\" }";

        given().spec(team.spec()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(compact)
                .post("/api/v1/agents").then().statusCode(201);
        given().spec(team.spec()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(spaced)
                .post("/api/v1/agents").then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(hamsaCreates()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_body_is_422_and_runs_nothing() {
        String key = "create-" + UUID.randomUUID();
        create(team, key, VoiceAgentApiTest.agentBody("First")).then().statusCode(201);

        create(team, key, VoiceAgentApiTest.agentBody("Second")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(hamsaCreates()).isEqualTo(1);
    }

    @Test
    void the_same_key_on_another_endpoint_is_422() {
        String key = "k-" + UUID.randomUUID();
        String id = create(team, key, VoiceAgentApiTest.agentBody("Source")).then().statusCode(201).extract().path("id");

        given().spec(team.spec()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/agents/" + id + "/clone")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void concurrent_first_requests_give_one_success_and_one_409() {
        hamsa.setFaults(FaultSettings.none().withLatency(1500, 0));
        String key = "race-" + UUID.randomUUID();
        Map<String, Object> body = VoiceAgentApiTest.agentBody("Racer");

        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> create(team, key, body));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> {
            sleep(400);
            return create(team, key, body);
        });

        List<Integer> statuses = List.of(a.join().statusCode(), b.join().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        Response conflict = a.join().statusCode() == 409 ? a.join() : b.join();
        assertThat(conflict.jsonPath().getString("code")).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
        assertThat(conflict.header("Retry-After")).isEqualTo("1");
        assertThat(hamsaCreates()).isEqualTo(1);

        hamsa.setFaults(FaultSettings.none());
        create(team, key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(hamsaCreates()).isEqualTo(1);
    }

    @Test
    void keys_belong_to_a_team_so_two_teams_never_share_an_answer() {
        String key = "shared-" + UUID.randomUUID();
        TestTeam other = TestTeams.withAllScopes();

        String ours = create(team, key, VoiceAgentApiTest.agentBody("Ours")).then().statusCode(201).extract().path("id");
        String theirs = create(other, key, VoiceAgentApiTest.agentBody("Ours")).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null).extract().path("id");

        assertThat(theirs).isNotEqualTo(ours);
        assertThat(hamsaCreates()).isEqualTo(2);
    }

    @Test
    void a_refused_input_does_not_use_the_key_up() {
        String key = "fix-" + UUID.randomUUID();
        create(team, key, VoiceAgentApiTest.agentBodyWith("Bad", "language", "not a language!")).then().statusCode(400);

        create(team, key, VoiceAgentApiTest.agentBody("Fixed")).then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void a_hamsa_outage_releases_the_key_so_the_retry_runs() {
        String key = "outage-" + UUID.randomUUID();
        hamsa.failNextOn("POST", CREATE, 503, 5); // the first attempt and all four retries
        create(team, key, VoiceAgentApiTest.agentBody("Retry me")).then().statusCode(503);

        create(team, key, VoiceAgentApiTest.agentBody("Retry me")).then().statusCode(201);
        create(team, key, VoiceAgentApiTest.agentBody("Retry me")).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void a_creation_hamsa_may_have_carried_out_keeps_its_key_so_a_retry_cannot_make_a_second_agent() {
        String key = "unknown-" + UUID.randomUUID();
        hamsa.failNextOn("POST", CREATE, 500, 1);
        create(team, key, VoiceAgentApiTest.agentBody("Maybe made")).then().statusCode(502)
                .body("code", equalTo("HAMSA_OUTCOME_UNKNOWN"));

        create(team, key, VoiceAgentApiTest.agentBody("Maybe made")).then().statusCode(502)
                .header("Idempotent-Replayed", "true").body("code", equalTo("HAMSA_OUTCOME_UNKNOWN"));
        assertThat(hamsa.recordedRequests("POST", "/v2/voice-agents")).hasSize(1);
    }

    @Test
    void a_definite_refusal_from_hamsa_is_the_answer_every_retry_gets() {
        String key = "refused-" + UUID.randomUUID();
        hamsa.failNextOn("POST", CREATE, 422, 1);
        create(team, key, VoiceAgentApiTest.agentBody("Refused")).then().statusCode(422).body("code", equalTo("HAMSA_REJECTED"));

        create(team, key, VoiceAgentApiTest.agentBody("Refused")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("HAMSA_REJECTED")).header("Idempotent-Replayed", "true");
    }

    @Test
    void a_patch_is_idempotent_too() {
        String id = create(team, "c-" + UUID.randomUUID(), VoiceAgentApiTest.agentBody("Patched")).path("id");
        String key = "patch-" + UUID.randomUUID();

        for (int i = 0; i < 2; i++) {
            given().spec(team.spec()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("greeting", "Again?")).patch("/api/v1/agents/" + id)
                    .then().statusCode(200).body("version", equalTo(2));
        }
        assertThat(hamsa.recordedRequests("PATCH", "/v2/voice-agents")).hasSize(1);
    }

    @Test
    void a_key_longer_than_255_characters_or_not_printable_is_400_naming_the_header() {
        create(team, "k".repeat(256), VoiceAgentApiTest.agentBody("Long")).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("Idempotency-Key"));
        create(team, "k".repeat(255), VoiceAgentApiTest.agentBody("Longest")).then().statusCode(201);
        assertThat(hamsaCreates()).isEqualTo(1);
    }

    @Test
    void a_clone_without_a_body_is_idempotent_and_counted_once() {
        TestTeam limited = TestTeams.create(100, TestTeams.ALL_SCOPES);
        String id = create(limited, "c-" + UUID.randomUUID(), VoiceAgentApiTest.agentBody("Source")).path("id");
        String key = "clone-" + UUID.randomUUID();

        Response first = given().spec(limited.spec()).header("Idempotency-Key", key).post("/api/v1/agents/" + id + "/clone");
        Response again = given().spec(limited.spec()).header("Idempotency-Key", key).post("/api/v1/agents/" + id + "/clone");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(hamsa.recordedRequests("POST", "/v1/voice-agents/clone")).hasSize(1);
        // create, clone, replay: three requests, each counted once
        assertThat(again.header("RateLimit")).startsWith("\"team\";r=97;");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
