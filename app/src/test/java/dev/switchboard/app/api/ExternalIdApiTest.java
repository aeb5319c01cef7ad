package dev.switchboard.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.FaultSettings;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** externalId is unique per team, and a second resource with it is a 409 naming the first, never a second Hamsa agent. */
@QuarkusTest
class ExternalIdApiTest {

    private HamsaSimulator hamsa;
    private TestTeam team;

    @BeforeEach
    void setUp() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
    }

    @AfterEach
    void calmAgain() {
        hamsa.setFaults(FaultSettings.none());
    }

    private Response create(TestTeam as, String name, String externalId) {
        return given().spec(as.spec()).contentType(ContentType.JSON)
                .body(VoiceAgentApiTest.agentBodyWith(name, "externalId", externalId)).post("/api/v1/agents");
    }

    @Test
    void two_requests_racing_with_one_external_id_make_one_hamsa_agent_and_the_loser_gets_the_winners_location() {
        hamsa.setFaults(FaultSettings.none().withLatency(1000, 0));
        String externalId = "crm-" + UUID.randomUUID();

        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> create(team, "A", externalId));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> create(team, "B", externalId));

        List<Response> both = List.of(a.join(), b.join());
        assertThat(both).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        Response winner = both.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        Response loser = both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.jsonPath().getString("code")).isEqualTo("EXTERNAL_ID_CONFLICT");
        assertThat(loser.header("Location")).isEqualTo(winner.header("Location"));
        assertThat(hamsa.recordedRequests("POST", "/v2/voice-agents")).hasSize(1);
    }

    @Test
    void another_team_may_use_the_same_external_id_and_never_learns_of_the_first() {
        String externalId = "crm-" + UUID.randomUUID();
        create(team, "Ours", externalId).then().statusCode(201);

        create(TestTeams.withAllScopes(), "Theirs", externalId).then().statusCode(201);
        create(team, "Ours again", externalId).then().statusCode(409);
    }
}
