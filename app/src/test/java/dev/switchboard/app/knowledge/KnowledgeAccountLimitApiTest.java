package dev.switchboard.app.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Hamsa account's knowledge storage, shared by every team, over real HTTP: an application whose account holds
 * 500 bytes (switchboard.knowledge.account-storage), so one team's item can leave no room for another team's,
 * though that team is far within its own budget. The test database is cleaned when this profile starts.
 */
@QuarkusTest
@TestProfile(KnowledgeAccountLimitApiTest.TinyAccount.class)
class KnowledgeAccountLimitApiTest {

    static final String KB = KnowledgeApiTest.KB;
    static final long ACCOUNT_BYTES = 500;

    public static class TinyAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.knowledge.account-storage", String.valueOf(ACCOUNT_BYTES));
        }
    }

    private HamsaSimulator hamsa;

    @BeforeEach
    void calmHamsa() {
        hamsa = SandboxHamsa.calm();
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }

    private static Map<String, Object> text(String name, int characters) {
        return Map.of("name", name, "type", "TEXT", "content", "a".repeat(characters));
    }

    private static io.restassured.path.json.JsonPath storage(TestTeams.TestTeam team) {
        return given().spec(TestTeams.admin()).get("/api/v1/admin/teams/" + team.id() + "/knowledge-storage")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void past_the_accounts_storage_an_item_is_refused_for_a_team_within_its_budget_and_hamsa_is_not_asked() {
        TestTeams.TestTeam first = TestTeams.withAllScopes();
        TestTeams.TestTeam second = TestTeams.withAllScopes();
        long usedBefore = storage(first).getLong("accountUsedBytes");
        assertThat(storage(first).getLong("accountLimitBytes")).isEqualTo(ACCOUNT_BYTES);
        int room = (int) (ACCOUNT_BYTES - usedBefore);
        assertThat(room).as("the account is fresh at this profile's start").isGreaterThanOrEqualTo(300);

        given().spec(first.spec()).contentType(ContentType.JSON).body(text("first", room - 100))
                .post(KB).then().statusCode(201);
        int creates = hamsa.recordedRequests("POST", KnowledgeApiTest.HAMSA_KB).size();

        given().spec(second.spec()).contentType(ContentType.JSON).body(text("second", 101))
                .post(KB).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("KNOWLEDGE_STORAGE_EXCEEDED"))
                .body("detail", containsString("Hamsa account"))
                .body("detail", containsString((ACCOUNT_BYTES - 100) + " of " + ACCOUNT_BYTES + " bytes"));

        assertThat(hamsa.recordedRequests("POST", KnowledgeApiTest.HAMSA_KB)).hasSize(creates);
        given().spec(second.spec()).get(KB).then().statusCode(200).body("items", hasSize(0));
        assertThat(storage(second).getLong("teamUsedBytes")).isZero();
        assertThat(storage(second).getLong("teamBudgetBytes")).isEqualTo(ACCOUNT_BYTES);

        // What is left fits exactly.
        given().spec(second.spec()).contentType(ContentType.JSON).body(text("second", 100))
                .post(KB).then().statusCode(201);
        assertThat(storage(second).getLong("accountUsedBytes")).isEqualTo(ACCOUNT_BYTES);
    }
}
