package dev.switchboard.app.calls;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.SimulatedAgent;
import dev.switchboard.simulator.SimulatedCall;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agents' own webhooks: every agent is created on Hamsa with one; calls Switchboard did not place are adopted
 * from it and played to the end; web conversations are opened with conversation-init and followed through it.
 */
@QuarkusTest
class AgentWebhookApiTest {

    @Inject
    AgroalDataSource db;

    private HamsaSimulator hamsa;
    private TestTeam team;
    private String agentId;
    private String hamsaAgentId;

    @BeforeEach
    void setUp() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
        JsonPath agent = team.postAgent("Receptionist").then().statusCode(201).extract().jsonPath();
        agentId = agent.getString("id");
        hamsaAgentId = agent.getString("hamsaAgentId");
    }

    private SimulatedAgent onHamsa() {
        return hamsa.agent(hamsaAgentId).orElseThrow();
    }

    /** The path part of the agent's webhook URL, as Hamsa was given it. */
    private String webhookPath() {
        return URI.create(onHamsa().webhookUrl()).getPath();
    }

    private List<Map<String, Object>> callsOfAgent(TestTeam who) {
        return given().spec(who.spec()).queryParam("agentId", agentId).get("/api/v1/calls")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> envelope(String type, String hamsaCallId, String hamsaAgent, Instant at) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventType", type);
        envelope.put("callId", hamsaCallId);
        envelope.put("timestamp", at.toString());
        envelope.put("projectId", "proj_simulator");
        envelope.put("agentId", hamsaAgent);
        envelope.put("data", Map.of("timestamp", at.toString(), "data", Map.of()));
        return envelope;
    }

    private static Response deliver(String path, String authorization, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.post(path);
    }

    private long inboxRows() {
        return CallTestSupport.count(db, "SELECT count(*) FROM hamsa_event_inbox", null);
    }

    private long adoptedCalls() {
        return CallTestSupport.count(db, "SELECT count(*) FROM call WHERE agent_id = ?", UUID.fromString(agentId));
    }

    @Test
    void an_agent_is_created_on_hamsa_with_a_webhook_and_secret_of_its_own() {
        SimulatedAgent first = onHamsa();
        SimulatedAgent second = hamsa.agent(team.postAgent("Another").then().statusCode(201).extract()
                .<String>path("hamsaAgentId")).orElseThrow();

        assertThat(first.webhookUrl()).matches(".*/webhooks/hamsa/agents/[0-9a-f-]{36}");
        assertThat(first.authorization()).startsWith("Bearer whs_");
        assertThat(second.webhookUrl()).isNotEqualTo(first.webhookUrl());
        assertThat(second.authorization()).isNotEqualTo(first.authorization());
        // the secret is in no answer of Switchboard's
        String read = given().spec(team.spec()).get("/api/v1/agents/" + agentId).then().statusCode(200).extract().asString();
        assertThat(read).doesNotContain(first.authorization().substring("Bearer ".length()));
    }

    @Test
    void a_call_started_outside_switchboard_is_adopted_by_the_agents_team_and_played_to_the_end() {
        String jobId = hamsa.placeOutsideCall(hamsaAgentId, "+14155550199", Map.of("campaign", "spring"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> callsOfAgent(team).stream()
                .anyMatch(c -> jobId.equals(c.get("hamsaCallId")) && "COMPLETED".equals(c.get("status"))));

        List<Map<String, Object>> calls = callsOfAgent(team);
        assertThat(calls).hasSize(1);
        JsonPath call = CallTestSupport.get(team, (String) calls.get(0).get("id"));
        assertThat(call.getString("channel")).isEqualTo("PHONE");
        assertThat(call.getString("toNumber")).isNull();
        assertThat(call.getString("externalId")).isNull();
        assertThat(call.getList("timeline.event", String.class)).contains("adopted")
                .contains("call.started", "call.answered", "call.ended");
        assertThat(call.getList("transcript.speaker")).containsExactly("Agent", "User", "Agent", "User");
        assertThat(call.getMap("outcome")).containsEntry("campaign", "spring");
        assertThat(call.getString("recordingUrl")).startsWith("https://");
        // another team does not see it
        TestTeam other = TestTeams.withAllScopes();
        given().spec(other.spec()).get("/api/v1/calls/" + call.getString("id")).then().statusCode(404);
    }

    @Test
    void every_event_of_an_outside_call_delivered_five_times_and_shuffled_adopts_the_call_once() {
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withCopies(5).withShuffle(true));
        String jobId = hamsa.placeOutsideCall(hamsaAgentId, "+14155550199", Map.of());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> callsOfAgent(team).stream()
                .anyMatch(c -> jobId.equals(c.get("hamsaCallId")) && "COMPLETED".equals(c.get("status"))));
        assertThat(hamsa.awaitWebhooksIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(adoptedCalls()).isEqualTo(1);
        JsonPath call = CallTestSupport.get(team, (String) callsOfAgent(team).get(0).get("id"));
        assertThat(call.getList("timeline.event", String.class))
                .filteredOn(e -> e.equals("call.ended") || e.equals("adopted")).containsExactlyInAnyOrder("adopted", "call.ended");
        assertThat(call.getList("transcript.speaker")).containsExactly("Agent", "User", "Agent", "User");
    }

    @Test
    void a_web_conversation_is_opened_on_hamsa_joined_and_followed_through_the_agents_webhook() {
        Map<String, Object> body = new HashMap<>(Map.of("agentId", agentId, "channel", "WEB",
                "params", Map.of("session_id", "s-42")));
        String id = given().spec(team.spec()).contentType(ContentType.JSON).body(body).post("/api/v1/calls")
                .then().statusCode(202).body("status", equalTo("QUEUED")).body("channel", equalTo("WEB"))
                .extract().path("id");

        JsonPath dispatched = CallTestSupport.awaitStatus(team, id, "DISPATCHED");
        String jobId = dispatched.getString("hamsaCallId");
        assertThat(jobId).isNotBlank();
        SimulatedCall onHamsa = hamsa.calls().stream().filter(c -> jobId.equals(c.jobId())).findFirst().orElseThrow();
        assertThat(onHamsa.channelType()).isEqualTo("WEB");
        assertThat(onHamsa.webhookSource()).isEqualTo("AGENT");
        assertThat(onHamsa.params()).containsEntry("switchboard_call_id", id).containsEntry("session_id", "s-42");
        assertThat(hamsa.recordedRequests("POST", "/v1/voice-agents/conversation-init")).hasSize(1);
        assertThat(hamsa.recordedRequests("POST", "/v1/voice-agents/call")).isEmpty();

        hamsa.joinConversation(jobId); // the person opens the page
        JsonPath ended = CallTestSupport.awaitStatus(team, id, "COMPLETED");

        assertThat(ended.getList("transcript.speaker")).containsExactly("Agent", "User", "Agent", "User");
        assertThat(ended.getMap("outcome")).containsEntry("session_id", "s-42");
        assertThat(ended.getList("timeline.event", String.class)).doesNotContain("adopted");
        assertThat(adoptedCalls()).as("the conversation is the call placed, not a second one").isEqualTo(1);
    }

    @Test
    void a_web_call_takes_no_number_and_a_phone_call_needs_one() {
        given().spec(team.spec()).contentType(ContentType.JSON)
                .body(Map.of("agentId", agentId, "channel", "WEB", "toNumber", "+14155550123")).post("/api/v1/calls")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("toNumber"));
        given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("agentId", agentId)).post("/api/v1/calls")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("toNumber"));
        given().spec(team.spec()).contentType(ContentType.JSON).body(Map.of("agentId", agentId, "channel", "FAX"))
                .post("/api/v1/calls").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("channel"));
        assertThat(adoptedCalls()).isZero();
    }

    @Test
    void a_delivery_without_the_agent_webhooks_secret_is_refused_and_stores_nothing() {
        String path = webhookPath();
        Map<String, Object> event = envelope("call.started", "job-" + UUID.randomUUID(), hamsaAgentId, Instant.now());
        long before = inboxRows();
        String otherSecret = hamsa.agent(team.postAgent("Other").then().statusCode(201).extract()
                .<String>path("hamsaAgentId")).orElseThrow().authorization();

        deliver(path, null, event).then().statusCode(401).body("code", equalTo("WEBHOOK_UNAUTHENTICATED"));
        deliver(path, "Bearer whs_wrong", event).then().statusCode(401);
        deliver(path, otherSecret, event).then().statusCode(401);
        deliver("/webhooks/hamsa/agents/" + UUID.randomUUID(), onHamsa().authorization(), event).then().statusCode(401);
        deliver("/webhooks/hamsa/agents/not-a-uuid", onHamsa().authorization(), event).then().statusCode(401);

        assertThat(inboxRows()).isEqualTo(before);
        assertThat(adoptedCalls()).isZero();
    }

    @Test
    void an_event_naming_no_agent_of_the_webhooks_team_or_no_call_is_refused_and_stores_nothing() {
        String path = webhookPath();
        String auth = onHamsa().authorization();
        TestTeam other = TestTeams.withAllScopes();
        String othersHamsaAgent = other.postAgent("Theirs").then().statusCode(201).extract().path("hamsaAgentId");
        long before = inboxRows();

        deliver(path, auth, envelope("call.started", "job-1", othersHamsaAgent, Instant.now()))
                .then().statusCode(422).body("code", equalTo("WEBHOOK_MISMATCH"));
        deliver(path, auth, envelope("call.started", "job-1", "no-such-agent", Instant.now())).then().statusCode(422);
        Map<String, Object> noCall = envelope("call.started", "job-1", hamsaAgentId, Instant.now());
        noCall.remove("callId");
        deliver(path, auth, noCall).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("callId"));
        deliver(path, auth, "{not json").then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));

        assertThat(inboxRows()).isEqualTo(before);
        assertThat(adoptedCalls()).isZero();
    }

    @Test
    void an_adopted_call_has_no_webhook_of_its_own() {
        String hamsaCallId = "job-" + UUID.randomUUID();
        deliver(webhookPath(), onHamsa().authorization(), envelope("call.started", hamsaCallId, hamsaAgentId, Instant.now()))
                .then().statusCode(200).body("duplicate", equalTo(false));
        String id = (String) callsOfAgent(team).get(0).get("id");

        deliver("/webhooks/hamsa/calls/" + id, onHamsa().authorization(),
                envelope("call.answered", hamsaCallId, hamsaAgentId, Instant.now())).then().statusCode(401);
        deliver(webhookPath(), onHamsa().authorization(), envelope("call.answered", hamsaCallId, hamsaAgentId, Instant.now()))
                .then().statusCode(200);
        assertThat(adoptedCalls()).isEqualTo(1);
    }

    @Test
    void deliveries_racing_to_adopt_one_new_call_store_it_once_with_every_event() throws Exception {
        String hamsaCallId = "job-" + UUID.randomUUID();
        String path = webhookPath();
        String auth = onHamsa().authorization();
        Instant at = Instant.now();
        int racers = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Map<String, Object> event = envelope("transcription.update", hamsaCallId, hamsaAgentId, at.plusMillis(i));
                answers.add(pool.submit(() -> {
                    start.await();
                    return deliver(path, auth, event).statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(adoptedCalls()).isEqualTo(1);
        String id = (String) callsOfAgent(team).get(0).get("id");
        assertThat(CallTestSupport.inboxRows(db, id)).isEqualTo(racers);
    }
}
