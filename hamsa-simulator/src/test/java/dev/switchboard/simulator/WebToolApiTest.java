package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebToolApiTest extends SimulatorTestSupport {

    private static final String TOOLS = "/v2/voice-agents/web-tool";
    private static final String TEST = "/v1/voice-agents/web-tool/test-api-tool";

    private final ToolServer server = new ToolServer();

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(1_000, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    @Test
    void creates_a_function_tool_and_answers_its_ids_only() {
        HttpResponse<String> response = client.post(TOOLS, functionTool("lookup_order", "https://api.example.com/orders"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("id", "persistentId", "version");
        assertThat(data.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(data.get("persistentId").asText()).matches("[0-9a-f-]{36}");
        assertThat(data.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void serves_the_guides_create_path_with_the_same_handler() {
        HttpResponse<String> response = client.post("/v2/web-tool", functionTool("guide_path", "https://a.example"));

        assertThat(response.statusCode()).isEqualTo(200);
        String id = json(response).at("/data/id").asText();
        assertThat(json(client.get(TOOLS + "/" + id)).at("/data/name").asText()).isEqualTo("guide_path");
    }

    @Test
    void gets_a_tool_with_its_settings_and_never_its_auth_token() {
        String id = create(functionTool("lookup_order", "https://api.example.com/orders/{orderId}"));

        HttpResponse<String> response = client.get(TOOLS + "/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("s3cr3t-token").doesNotContain("authToken");
        JsonNode tool = json(response).get("data");
        assertThat(tool.get("id").asText()).isEqualTo(id);
        assertThat(tool.get("version").asInt()).isEqualTo(1);
        assertThat(tool.get("type").asText()).isEqualTo("FUNCTION");
        assertThat(tool.get("name").asText()).isEqualTo("lookup_order");
        assertThat(tool.get("description").asText()).isEqualTo("Looks an order up");
        assertThat(tool.get("async").asBoolean()).isFalse();
        assertThat(tool.at("/toolSettings/serverUrl").asText()).isEqualTo("https://api.example.com/orders/{orderId}");
        assertThat(tool.at("/toolSettings/methodType").asText()).isEqualTo("POST");
        assertThat(tool.at("/toolSettings/timeOut").asInt()).isEqualTo(10);
        assertThat(tool.at("/toolSettings/httpHeaders/X-Api-Key").asText()).isEqualTo("key-1");
        assertThat(tool.at("/params/type").asText()).isEqualTo("object");
        assertThat(tool.get("messages")).isEmpty();
        assertThat(tool.get("isActive").asBoolean()).isTrue();
        assertThat(tool.get("hasAuthToken").asBoolean()).isTrue();
        assertThat(tool.get("createdAt").asText()).isNotBlank();
        assertThat(json(client.get(TOOLS)).toString()).doesNotContain("s3cr3t-token");
    }

    @Test
    void creates_an_mcp_tool_without_description_or_method() {
        String id = create("{\"type\": \"MCP\", \"name\": \"crm\", \"toolSettings\": {\"serverUrl\": \"https://mcp.example/mcp\", \"timeOut\": 5}}");

        JsonNode tool = json(client.get(TOOLS + "/" + id)).get("data");

        assertThat(tool.get("type").asText()).isEqualTo("MCP");
        assertThat(tool.get("description").isNull()).isTrue();
        assertThat(tool.at("/toolSettings/methodType").asText()).isEqualTo("POST");
        assertThat(tool.at("/toolSettings/timeOut").asInt()).isEqualTo(5);
        assertThat(tool.get("hasAuthToken").asBoolean()).isFalse();
    }

    @Test
    void accepts_names_of_64_characters_and_timeouts_of_1_and_60_seconds() {
        assertThat(client.post(TOOLS, tool("FUNCTION", "n".repeat(64), "GET", 1, "https://a.example")).statusCode())
                .isEqualTo(200);
        assertThat(client.post(TOOLS, tool("FUNCTION", "A-z_0-9", "DELETE", 60, "http://a.example")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void validates_the_tool_body() {
        HttpResponse<String> response = client.post(TOOLS, "{\"type\": \"SCRIPT\", \"name\": \"has space\", "
                + "\"toolSettings\": {\"serverUrl\": \"ftp://a.example\", \"timeOut\": 61, \"httpHeaders\": {\"X\": 1},"
                + " \"pathParameters\": [\"a\"]}, \"params\": [1], \"async\": \"yes\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = json(response).at("/error/details");
        assertThat(json(response).at("/error/code").asText()).isEqualTo("10400");
        assertThat(details.get("type").asText()).isEqualTo("must be FUNCTION or MCP");
        assertThat(details.get("name").asText()).contains("letters, digits");
        assertThat(details.get("description").asText()).isEqualTo("is required");
        assertThat(details.get("toolSettings.serverUrl").asText()).isEqualTo("must be an absolute http or https URL");
        assertThat(details.get("toolSettings.methodType").asText()).isEqualTo("is required");
        assertThat(details.get("toolSettings.timeOut").asText()).contains("1 to 60");
        assertThat(details.get("toolSettings.httpHeaders.X").asText()).isEqualTo("must be a string");
        assertThat(details.get("toolSettings.pathParameters").asText()).contains("object");
        assertThat(details.get("params").asText()).contains("JSON object");
        assertThat(details.get("async").asText()).isEqualTo("must be true or false");

        JsonNode more = json(client.post(TOOLS, tool("FUNCTION", "n".repeat(65), "FETCH", 0, "https://a.example")))
                .at("/error/details");
        assertThat(more.get("name").asText()).contains("at most 64");
        assertThat(more.get("toolSettings.methodType").asText()).isEqualTo("must be GET, POST, PUT, PATCH or DELETE");
        assertThat(more.get("toolSettings.timeOut").asText()).contains("1 to 60");
        assertThat(json(client.post(TOOLS, "{\"type\": \"FUNCTION\", \"name\": \"x\", \"description\": \"d\"}"))
                .at("/error/details/toolSettings").asText()).isEqualTo("is required");
        String longDescription = "{\"type\": \"MCP\", \"name\": \"x\", \"description\": \"" + "d".repeat(1025)
                + "\", \"toolSettings\": {\"serverUrl\": \"https://a.example\"}}";
        assertThat(json(client.post(TOOLS, longDescription)).at("/error/details/description").asText())
                .contains("at most 1024");
    }

    @Test
    void lists_tools_in_creation_order_by_page() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(functionTool("tool_" + i, "https://a.example")));
        }

        JsonNode second = json(client.get(TOOLS + "?page=2&perPage=2")).get("data");

        assertThat(second.get("total").asInt()).isEqualTo(5);
        assertThat(second.get("tools")).hasSize(2);
        assertThat(second.at("/tools/0/id").asText()).isEqualTo(created.get(2));
        assertThat(second.at("/tools/1/id").asText()).isEqualTo(created.get(3));
        assertThat(json(client.get(TOOLS)).at("/data/tools")).hasSize(5);
        assertThat(client.get(TOOLS + "?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void answers_404_for_an_unknown_tool() {
        for (HttpResponse<String> response : List.of(client.get(TOOLS + "/nope"),
                client.patch(TOOLS + "/nope", "{\"name\": \"x\"}"),
                client.post("/v1/voice-agents/web-tool/toggle-activation", "{\"id\": \"nope\", \"isActive\": true}"),
                client.post(TEST, "{\"webToolId\": \"nope\"}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).at("/error/message").asText()).isEqualTo("Web tool not found");
        }
    }

    @Test
    void patches_a_tool_merging_its_settings_and_moving_its_version() {
        String id = create(functionTool("lookup_order", "https://api.example.com/orders"));
        String persistentId = json(client.get(TOOLS + "/" + id)).at("/data/persistentId").asText();

        HttpResponse<String> response = client.patch(TOOLS + "/" + id,
                "{\"description\": \"Finds an order\", \"toolSettings\": {\"timeOut\": 30, \"methodType\": \"GET\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tool = json(response).get("data");
        assertThat(tool.get("version").asInt()).isEqualTo(2);
        assertThat(tool.get("persistentId").asText()).isEqualTo(persistentId);
        assertThat(tool.get("description").asText()).isEqualTo("Finds an order");
        assertThat(tool.get("name").asText()).isEqualTo("lookup_order");
        assertThat(tool.at("/toolSettings/timeOut").asInt()).isEqualTo(30);
        assertThat(tool.at("/toolSettings/methodType").asText()).isEqualTo("GET");
        assertThat(tool.at("/toolSettings/serverUrl").asText()).isEqualTo("https://api.example.com/orders");
        assertThat(tool.at("/toolSettings/httpHeaders/X-Api-Key").asText()).isEqualTo("key-1");
        assertThat(tool.get("hasAuthToken").asBoolean()).isTrue();
        assertThat(tool.get("updatedAt").asText()).isGreaterThan(tool.get("createdAt").asText());
    }

    @Test
    void an_empty_auth_token_in_a_patch_removes_the_token() {
        String id = create(functionTool("lookup_order", "https://api.example.com/orders"));

        JsonNode tool = json(client.patch(TOOLS + "/" + id, "{\"toolSettings\": {\"authToken\": \"\"}}")).get("data");

        assertThat(tool.get("hasAuthToken").asBoolean()).isFalse();
        assertThat(tool.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void refuses_a_patch_whose_merged_tool_is_invalid_and_keeps_the_tool() {
        String id = create(functionTool("lookup_order", "https://api.example.com/orders"));

        HttpResponse<String> response = client.patch(TOOLS + "/" + id,
                "{\"name\": \"bad name\", \"toolSettings\": {\"serverUrl\": null}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/details/name").asText()).contains("letters, digits");
        assertThat(json(response).at("/error/details/toolSettings.serverUrl").asText()).isEqualTo("is required");
        JsonNode tool = json(client.get(TOOLS + "/" + id)).get("data");
        assertThat(tool.get("name").asText()).isEqualTo("lookup_order");
        assertThat(tool.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void toggles_activation_by_id_or_webToolId() {
        String id = create(functionTool("lookup_order", "https://api.example.com/orders"));
        String toggle = "/v1/voice-agents/web-tool/toggle-activation";

        assertThat(json(client.post(toggle, "{\"id\": \"" + id + "\", \"isActive\": false}")).at("/data/isActive")
                .asBoolean()).isFalse();
        assertThat(json(client.get(TOOLS + "/" + id)).at("/data/isActive").asBoolean()).isFalse();
        assertThat(json(client.post(toggle, "{\"webToolId\": \"" + id + "\", \"isActive\": true}")).at("/data/isActive")
                .asBoolean()).isTrue();
        assertThat(client.post(toggle, "{\"webToolId\": \"" + id + "\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void tests_a_post_tool_against_its_real_server() {
        server.answer(201, "{\"status\": \"shipped\"}");
        String id = create("{\"type\": \"FUNCTION\", \"name\": \"lookup_order\", \"description\": \"d\", "
                + "\"toolSettings\": {\"serverUrl\": \"" + server.base() + "/shops/{shop}/orders/{orderId}\", "
                + "\"methodType\": \"POST\", \"authToken\": \"s3cr3t-token\", \"httpHeaders\": {\"X-Api-Key\": \"key-1\"},"
                + " \"pathParameters\": {\"shop\": \"main shop\"}}}");

        HttpResponse<String> response = client.post(TEST,
                "{\"webToolId\": \"" + id + "\", \"params\": {\"orderId\": \"ORD/1\", \"express\": true}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data.get("success").asBoolean()).isTrue();
        assertThat(data.get("statusCode").asInt()).isEqualTo(201);
        assertThat(data.get("body").asText()).isEqualTo("{\"status\": \"shipped\"}");
        assertThat(data.get("error").isNull()).isTrue();
        assertThat(data.get("durationMs").asLong()).isNotNegative();

        assertThat(server.received()).hasSize(1);
        ToolServer.Received received = server.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.pathAndQuery()).isEqualTo("/shops/main%20shop/orders/ORD%2F1");
        assertThat(received.header("Authorization")).isEqualTo("Bearer s3cr3t-token");
        assertThat(received.header("X-Api-Key")).isEqualTo("key-1");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.body()).isEqualTo("{\"orderId\":\"ORD/1\",\"express\":true}");

        assertThat(simulator.toolTests()).hasSize(1);
        ToolTestView sent = simulator.toolTests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.url()).isEqualTo(server.base() + "/shops/main%20shop/orders/ORD%2F1");
        assertThat(sent.headers()).containsEntry("Authorization", "Bearer s3cr3t-token").containsEntry("X-Api-Key", "key-1");
        assertThat(sent.body()).isEqualTo(received.body());
    }

    @Test
    void sends_a_get_tools_arguments_as_query_parameters_without_a_body() {
        String id = create(tool("FUNCTION", "search", "GET", 5, server.base() + "/search?lang=en"));

        JsonNode data = json(client.post(TEST, "{\"webToolId\": \"" + id + "\", \"params\": {\"q\": \"a b&c\", \"n\": 3}}"))
                .get("data");

        assertThat(data.get("success").asBoolean()).isTrue();
        ToolServer.Received received = server.received().get(0);
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.pathAndQuery()).isEqualTo("/search?lang=en&q=a+b%26c&n=3");
        assertThat(received.body()).isEmpty();
        assertThat(received.header("Authorization")).isNull();
        assertThat(simulator.toolTests().get(0).body()).isNull();
    }

    @Test
    void sends_put_patch_and_delete_with_their_own_methods() {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            String id = create(tool("FUNCTION", "t_" + method, method, 5, server.base() + "/items/{id}"));
            JsonNode data = json(client.post(TEST, "{\"webToolId\": \"" + id + "\", \"params\": {\"id\": \"7\"}}"))
                    .get("data");
            assertThat(data.get("success").asBoolean()).as(method).isTrue();
            assertThat(data.get("statusCode").asInt()).as(method).isEqualTo(200);
            assertThat(data.get("body").asText()).as(method).isEqualTo("{\"ok\": true}");
        }

        List<ToolServer.Received> received = server.received();
        assertThat(received).extracting(ToolServer.Received::method).containsExactly("PUT", "PATCH", "DELETE");
        assertThat(received.get(1).pathAndQuery()).isEqualTo("/items/7");
        assertThat(received.get(1).body()).isEqualTo("{\"id\":\"7\"}");
        assertThat(received.get(1).header("Content-Type")).isEqualTo("application/json");
        assertThat(received.get(2).pathAndQuery()).isEqualTo("/items/7?id=7");
    }

    @Test
    void lists_an_mcp_servers_tools() {
        server.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"tools\": []}}");
        String id = create("{\"type\": \"MCP\", \"name\": \"crm\", \"toolSettings\": {\"serverUrl\": \""
                + server.base() + "/mcp\", \"authToken\": \"mcp-token\"}}");

        JsonNode data = json(client.post(TEST, "{\"webToolId\": \"" + id + "\"}")).get("data");

        assertThat(data.get("success").asBoolean()).isTrue();
        assertThat(data.get("body").asText()).contains("\"tools\"");
        ToolServer.Received received = server.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.pathAndQuery()).isEqualTo("/mcp");
        assertThat(received.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(received.header("Authorization")).isEqualTo("Bearer mcp-token");
    }

    @Test
    void tests_settings_that_are_not_saved_as_a_tool() {
        HttpResponse<String> response = client.post(TEST, "{\"toolSettings\": {\"serverUrl\": \"" + server.base()
                + "/echo\", \"methodType\": \"POST\", \"authToken\": \"inline\"}, \"params\": {\"a\": 1}}");

        assertThat(json(response).at("/data/success").asBoolean()).isTrue();
        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer inline");
        assertThat(server.received().get(0).body()).isEqualTo("{\"a\":1}");
        assertThat(simulator.toolTests()).hasSize(1);
    }

    @Test
    void reports_an_error_status_as_no_success() {
        server.answer(500, "{\"error\": \"boom\"}");

        JsonNode data = json(client.post(TEST, inlineTest(server.base() + "/fail", 5))).get("data");

        assertThat(data.get("success").asBoolean()).isFalse();
        assertThat(data.get("statusCode").asInt()).isEqualTo(500);
        assertThat(data.get("body").asText()).isEqualTo("{\"error\": \"boom\"}");
        assertThat(data.get("error").isNull()).isTrue();
    }

    @Test
    void cuts_a_long_answer_to_64_kib() {
        server.answer(200, "x".repeat(100_000));

        JsonNode data = json(client.post(TEST, inlineTest(server.base() + "/big", 5))).get("data");

        assertThat(data.get("body").asText()).hasSize(64 * 1024);
    }

    @Test
    void a_server_slower_than_the_timeout_is_a_failure_within_200() {
        server.pause(3_000);

        HttpResponse<String> response = client.post(TEST, inlineTest(server.base() + "/slow", 1));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data.get("success").asBoolean()).isFalse();
        assertThat(data.get("statusCode").isNull()).isTrue();
        assertThat(data.get("body").isNull()).isTrue();
        assertThat(data.get("error").asText()).isEqualTo("timed out");
        assertThat(data.get("durationMs").asLong()).isBetween(900L, 2_900L);
    }

    @Test
    void a_refused_connection_is_a_failure_within_200() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        HttpResponse<String> response = client.post(TEST, inlineTest("http://127.0.0.1:" + port + "/gone", 2));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data.get("success").asBoolean()).isFalse();
        assertThat(data.get("statusCode").isNull()).isTrue();
        assertThat(data.get("error").asText()).isEqualTo("connection refused");
        assertThat(simulator.toolTests()).extracting(ToolTestView::url).containsExactly("http://127.0.0.1:" + port + "/gone");
    }

    @Test
    void refuses_a_test_without_a_tool_or_with_bad_settings() {
        assertThat(json(client.post(TEST, "{\"params\": {}}")).at("/error/details/webToolId").asText())
                .isEqualTo("give webToolId or toolSettings");
        JsonNode details = json(client.post(TEST, "{\"toolSettings\": {\"serverUrl\": \"nope\"}, \"params\": 1}"))
                .at("/error/details");
        assertThat(details.get("toolSettings.serverUrl").asText()).isEqualTo("must be an absolute http or https URL");
        assertThat(details.get("params").asText()).contains("object");
        assertThat(simulator.toolTests()).isEmpty();
    }

    @Test
    void reset_forgets_tools_and_tool_tests() {
        String id = create(functionTool("lookup_order", server.base() + "/x"));
        client.post(TEST, "{\"webToolId\": \"" + id + "\"}");

        simulator.reset();

        assertThat(client.get(TOOLS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(simulator.toolTests()).isEmpty();
    }

    @Test
    void shows_tools_and_tests_over_admin_with_tokens_masked() {
        String id = create(functionTool("lookup_order", server.base() + "/x"));
        client.post(TEST, "{\"webToolId\": \"" + id + "\"}");

        JsonNode admin = json(client.send("GET", "/_admin/tools", null, null));

        assertThat(admin.at("/tools/0/id").asText()).isEqualTo(id);
        assertThat(admin.at("/tests/0/url").asText()).isEqualTo(server.base() + "/x");
        assertThat(admin.at("/tests/0/headers/Authorization").asText()).isEqualTo("Bearer ***");
        assertThat(admin.toString()).doesNotContain("s3cr3t-token");
    }

    private String create(String body) {
        HttpResponse<String> response = client.post(TOOLS, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).at("/data/id").asText();
    }

    static String functionTool(String name, String serverUrl) {
        return "{\"type\": \"FUNCTION\", \"name\": \"" + name + "\", \"description\": \"Looks an order up\", "
                + "\"toolSettings\": {\"serverUrl\": \"" + serverUrl + "\", \"methodType\": \"POST\", "
                + "\"authToken\": \"s3cr3t-token\", \"httpHeaders\": {\"X-Api-Key\": \"key-1\"}}, "
                + "\"params\": {\"type\": \"object\", \"properties\": {\"orderId\": {\"type\": \"string\"}}}}";
    }

    private static String tool(String type, String name, String method, int timeOut, String serverUrl) {
        return "{\"type\": \"" + type + "\", \"name\": \"" + name + "\", \"description\": \"d\", "
                + "\"toolSettings\": {\"serverUrl\": \"" + serverUrl + "\", \"methodType\": \"" + method
                + "\", \"timeOut\": " + timeOut + "}}";
    }

    private static String inlineTest(String url, int timeOut) {
        return "{\"toolSettings\": {\"serverUrl\": \"" + url + "\", \"methodType\": \"POST\", \"timeOut\": " + timeOut
                + "}, \"params\": {}}";
    }
}
