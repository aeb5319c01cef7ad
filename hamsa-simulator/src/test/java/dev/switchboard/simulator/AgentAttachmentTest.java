package dev.switchboard.simulator;

import static dev.switchboard.simulator.KnowledgeBaseApiTest.items;
import static dev.switchboard.simulator.KnowledgeBaseApiTest.text;
import static dev.switchboard.simulator.KnowledgeBaseApiTest.textItem;
import static dev.switchboard.simulator.SimulatorClient.agentBody;
import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agents' {@code tools} and {@code knowledgeBaseItemsIds}: the web tools and knowledge items they use. */
class AgentAttachmentTest extends SimulatorTestSupport {

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(1_000, Duration.ofSeconds(60));
    }

    @Test
    void an_agent_has_no_tools_or_knowledge_items_by_default() {
        JsonNode agent = json(client.post("/v2/voice-agents", agentBody("Plain"))).get("data");

        assertThat(agent.get("tools").isArray()).isTrue();
        assertThat(agent.get("tools")).isEmpty();
        assertThat(agent.get("knowledgeBaseItemsIds").isArray()).isTrue();
        assertThat(agent.get("knowledgeBaseItemsIds")).isEmpty();
    }

    @Test
    void creates_an_agent_with_tools_and_knowledge_items_and_renders_them() {
        String tool = tool("lookup_order");
        String item = item("faq");

        HttpResponse<String> response = client.post("/v2/voice-agents", withLinks(agentBody("Support"),
                "\"tools\": [\"" + tool + "\"], \"knowledgeBaseItemsIds\": [\"" + item + "\"]"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode agent = json(response).get("data");
        assertThat(ids(agent.get("tools"))).containsExactly(tool);
        assertThat(ids(agent.get("knowledgeBaseItemsIds"))).containsExactly(item);
        JsonNode fetched = json(client.get("/v2/voice-agents/" + agent.get("id").asText())).get("data");
        assertThat(ids(fetched.get("tools"))).containsExactly(tool);
        assertThat(ids(fetched.get("knowledgeBaseItemsIds"))).containsExactly(item);
    }

    @Test
    void refuses_unknown_ids_naming_the_field_and_creates_nothing() {
        String tool = tool("lookup_order");

        HttpResponse<String> response = client.post("/v2/voice-agents", withLinks(agentBody("Support"),
                "\"tools\": [\"" + tool + "\", \"x\"], \"knowledgeBaseItemsIds\": [\"y\"]"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = json(response).at("/error/details");
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10400");
        assertThat(details.get("tools").asText()).isEqualTo("unknown web tool id 'x'");
        assertThat(details.get("knowledgeBaseItemsIds").asText()).isEqualTo("unknown knowledge base item id 'y'");
        assertThat(simulator.agentCount()).isZero();
        assertThat(json(client.post("/v2/voice-agents", withLinks(agentBody("Bad"), "\"tools\": \"x\"")))
                .at("/error/details/tools").asText()).isEqualTo("must be an array of ids");
    }

    @Test
    void a_patch_that_names_a_list_replaces_it_and_leaves_the_other() {
        String first = tool("first");
        String second = tool("second");
        String item = item("faq");
        String id = json(client.post("/v2/voice-agents", withLinks(agentBody("Support"),
                "\"tools\": [\"" + first + "\"], \"knowledgeBaseItemsIds\": [\"" + item + "\"]"))).at("/data/id").asText();

        JsonNode agent = json(client.patch("/v2/voice-agents/" + id,
                "{\"tools\": [\"" + second + "\", \"" + first + "\"]}")).get("data");

        assertThat(ids(agent.get("tools"))).containsExactly(second, first);
        assertThat(ids(agent.get("knowledgeBaseItemsIds"))).containsExactly(item);
        assertThat(ids(json(client.patch("/v2/voice-agents/" + id, "{\"knowledgeBaseItemsIds\": []}"))
                .at("/data/knowledgeBaseItemsIds"))).isEmpty();
        assertThat(json(client.patch("/v2/voice-agents/" + id, "{\"name\": \"Renamed\"}")).at("/data/tools"))
                .hasSize(2);
    }

    @Test
    void refuses_null_or_unknown_ids_in_a_patch_and_keeps_the_agent() {
        String tool = tool("lookup_order");
        String id = json(client.post("/v2/voice-agents", withLinks(agentBody("Support"),
                "\"tools\": [\"" + tool + "\"]"))).at("/data/id").asText();

        HttpResponse<String> nulls = client.patch("/v2/voice-agents/" + id, "{\"tools\": null}");
        HttpResponse<String> unknown = client.patch("/v2/voice-agents/" + id, "{\"knowledgeBaseItemsIds\": [\"nope\"]}");

        assertThat(nulls.statusCode()).isEqualTo(400);
        assertThat(json(nulls).at("/error/details/tools").asText()).isEqualTo("must not be null");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/details/knowledgeBaseItemsIds").asText()).contains("'nope'");
        assertThat(ids(json(client.get("/v2/voice-agents/" + id)).at("/data/tools"))).containsExactly(tool);
    }

    @Test
    void a_clone_copies_tools_and_knowledge_items() {
        String tool = tool("lookup_order");
        String item = item("faq");
        String id = json(client.post("/v2/voice-agents", withLinks(agentBody("Support"),
                "\"tools\": [\"" + tool + "\"], \"knowledgeBaseItemsIds\": [\"" + item + "\"]"))).at("/data/id").asText();

        JsonNode copy = json(client.post("/v1/voice-agents/clone", "{\"voiceAgentId\": \"" + id + "\"}")).get("data");

        assertThat(ids(copy.get("tools"))).containsExactly(tool);
        assertThat(ids(copy.get("knowledgeBaseItemsIds"))).containsExactly(item);
    }

    @Test
    void deleting_a_knowledge_item_drops_it_from_the_agents_that_use_it() {
        String kept = item("kept");
        String gone = item("gone");
        String id = json(client.post("/v2/voice-agents", withLinks(agentBody("Support"),
                "\"knowledgeBaseItemsIds\": [\"" + kept + "\", \"" + gone + "\"]"))).at("/data/id").asText();
        String updatedAt = json(client.get("/v2/voice-agents/" + id)).at("/data/updatedAt").asText();

        assertThat(client.send("DELETE", "/v1/voice-agents/knowledge-base/" + gone, null).statusCode()).isEqualTo(200);

        JsonNode agent = json(client.get("/v2/voice-agents/" + id)).get("data");
        assertThat(ids(agent.get("knowledgeBaseItemsIds"))).containsExactly(kept);
        assertThat(agent.get("updatedAt").asText()).isEqualTo(updatedAt);
        assertThat(client.patch("/v2/voice-agents/" + id, "{\"name\": \"Still works\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void the_docs_envelope_renders_the_lists_too() {
        simulator.close();
        simulator = HamsaSimulator.builder().envelope(Envelope.DOCS).build().start();
        client = new SimulatorClient(simulator);
        String tool = tool("lookup_order");

        JsonNode agent = json(client.post("/v2/voice-agents", withLinks(agentBody("Docs"),
                "\"tools\": [\"" + tool + "\"]"))).get("data");

        assertThat(agent.at("/voice/voiceId").asText()).isEqualTo("voice-1");
        assertThat(ids(agent.get("tools"))).containsExactly(tool);
        assertThat(agent.get("knowledgeBaseItemsIds")).isEmpty();
    }

    private String tool(String name) {
        HttpResponse<String> response = client.post("/v2/voice-agents/web-tool",
                WebToolApiTest.functionTool(name, "https://api.example.com/" + name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).at("/data/id").asText();
    }

    private String item(String name) {
        HttpResponse<String> response = client.post("/v1/voice-agents/knowledge-base", items(textItem(name, text(50))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).at("/data/items/0/id").asText();
    }

    /** The agent body with more fields. */
    private static String withLinks(String body, String fields) {
        int end = body.lastIndexOf('}');
        return body.substring(0, end) + ", " + fields + body.substring(end);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
