package dev.switchboard.app.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Knowledge items and web tools attached to agents through the agent API, by Switchboard's ids. */
@QuarkusTest
class AgentAttachmentsApiTest {

    private HamsaSimulator hamsa;
    private TestTeams.TestTeam team;
    private JsonPath item;
    private JsonPath tool;

    @BeforeEach
    void anItemAndATool() {
        team = TestTeams.withAllScopes().useByDefault();
        hamsa = SandboxHamsa.calm();
        item = KnowledgeApiTest.addText("Returns", "k".repeat(80));
        tool = given().contentType(ContentType.JSON).body(Map.of("type", "FUNCTION",
                        "name", "lookup_" + UUID.randomUUID().toString().substring(0, 8), "description", "Looks up",
                        "toolSettings", Map.of("serverUrl", "https://example.com/lookup", "methodType", "GET")))
                .post("/api/v1/tools").then().statusCode(201).extract().jsonPath();
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }

    private static Map<String, Object> agentWith(Object... fields) {
        Map<String, Object> body = new HashMap<>(TestTeams.agentBody("Support"));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    @Test
    void an_agent_is_created_with_the_teams_items_and_tools_and_hamsa_gets_their_hamsa_ids() {
        var agent = given().contentType(ContentType.JSON)
                .body(agentWith("knowledgeItemIds", List.of(item.getString("id")), "toolIds", List.of(tool.getString("id"))))
                .post("/api/v1/agents").then().statusCode(201)
                .body("knowledgeItemIds", equalTo(List.of(item.getString("id"))))
                .body("toolIds", equalTo(List.of(tool.getString("id"))))
                .extract().jsonPath();

        assertThat(hamsa.recordedRequests("POST", "/v2/voice-agents")).last().satisfies(r -> assertThat(r.body())
                .contains("\"knowledgeBaseItemsIds\":[\"" + item.getString("hamsaItemId") + "\"]")
                .contains("\"tools\":[\"" + tool.getString("hamsaToolId") + "\"]"));
        given().get("/api/v1/agents/" + agent.getString("id")).then().statusCode(200)
                .body("knowledgeItemIds", equalTo(List.of(item.getString("id"))));
    }

    @Test
    void another_teams_or_a_made_up_id_is_refused_by_name_and_hamsa_is_not_asked() {
        TestTeams.TestTeam other = TestTeams.withAllScopes();
        TestTeams.forget();
        int creates = hamsa.recordedRequests("POST", "/v2/voice-agents").size();

        given().spec(other.spec()).contentType(ContentType.JSON)
                .body(agentWith("knowledgeItemIds", List.of(item.getString("id")), "toolIds", List.of("not-an-id")))
                .post("/api/v1/agents").then().statusCode(400)
                .body("errors.field", hasItem("knowledgeItemIds")).body("errors.field", hasItem("toolIds"))
                .body("errors.message", hasItem(containsString(item.getString("id"))));
        assertThat(hamsa.recordedRequests("POST", "/v2/voice-agents")).hasSize(creates);
    }

    @Test
    void an_update_replaces_a_list_and_an_empty_list_detaches_all() {
        String agentId = given().contentType(ContentType.JSON)
                .body(agentWith("knowledgeItemIds", List.of(item.getString("id")), "toolIds", List.of(tool.getString("id"))))
                .post("/api/v1/agents").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("toolIds", List.of()))
                .patch("/api/v1/agents/" + agentId).then().statusCode(200)
                .body("toolIds", equalTo(List.of())).body("knowledgeItemIds", equalTo(List.of(item.getString("id"))));
        assertThat(hamsa.recordedRequests("PATCH", "/v2/voice-agents/")).last()
                .satisfies(r -> assertThat(r.body()).contains("\"tools\":[]").doesNotContain("knowledgeBaseItemsIds"));
    }

    @Test
    void a_knowledge_item_agents_use_cannot_be_deleted_until_they_let_it_go() {
        String agentId = given().contentType(ContentType.JSON)
                .body(agentWith("knowledgeItemIds", List.of(item.getString("id"))))
                .post("/api/v1/agents").then().statusCode(201).extract().path("id");

        given().delete("/api/v1/knowledge/" + item.getString("id")).then().statusCode(409)
                .body("code", equalTo("KNOWLEDGE_ITEM_IN_USE")).body("detail", containsString(agentId));
        assertThat(hamsa.recordedRequests("DELETE", "/v1/voice-agents/knowledge-base")).isEmpty();

        given().contentType(ContentType.JSON).body(Map.of("knowledgeItemIds", List.of()))
                .patch("/api/v1/agents/" + agentId).then().statusCode(200);
        given().delete("/api/v1/knowledge/" + item.getString("id")).then().statusCode(204);
    }

    @Test
    void a_copy_of_an_agent_uses_what_the_original_uses() {
        String agentId = given().contentType(ContentType.JSON)
                .body(agentWith("knowledgeItemIds", List.of(item.getString("id")), "toolIds", List.of(tool.getString("id"))))
                .post("/api/v1/agents").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("name", "Support (EU)"))
                .post("/api/v1/agents/" + agentId + "/clone").then().statusCode(201)
                .body("knowledgeItemIds", equalTo(List.of(item.getString("id"))))
                .body("toolIds", equalTo(List.of(tool.getString("id"))));
    }
}
