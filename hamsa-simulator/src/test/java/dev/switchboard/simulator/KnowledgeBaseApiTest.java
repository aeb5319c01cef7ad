package dev.switchboard.simulator;

import static dev.switchboard.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnowledgeBaseApiTest extends SimulatorTestSupport {

    private static final String KB = "/v1/voice-agents/knowledge-base";

    @Override
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder.rateLimit(1_000, Duration.ofSeconds(60)).knowledgeProcessingDelay(Duration.ofMillis(50));
    }

    @Test
    void creates_a_text_item_that_starts_pending_and_counts_its_utf8_bytes() {
        String content = "é".repeat(50);

        HttpResponse<String> response = client.post(KB, items(textItem("FAQ", content)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode item = json(response).at("/data/items/0");
        assertThat(item.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(item.get("itemName").asText()).isEqualTo("FAQ");
        assertThat(item.get("type").asText()).isEqualTo("TEXT");
        assertThat(item.get("content").asText()).isEqualTo(content);
        assertThat(item.get("status").asText()).isEqualTo("PENDING");
        assertThat(item.get("failureReason").isNull()).isTrue();
        assertThat(item.get("isActive").asBoolean()).isTrue();
        assertThat(item.get("size").asLong()).isEqualTo(100);
        assertThat(item.get("createdAt").asText()).isEqualTo(item.get("updatedAt").asText());
        assertThat(item.has("itemUrls")).isFalse();
        assertThat(item.has("fileName")).isFalse();
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(100);
    }

    @Test
    void answers_the_items_in_request_order() {
        JsonNode items = json(client.post(KB, items(textItem("one", text(60)), urlItem("two", 1),
                fileItem("three.txt", "hello")))).at("/data/items");

        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("itemName").asText()).isEqualTo("one");
        assertThat(items.get(1).get("type").asText()).isEqualTo("URL");
        assertThat(items.get(2).get("type").asText()).isEqualTo("FILE");
        assertThat(simulator.knowledgeItems()).extracting(KnowledgeItemView::itemName)
                .containsExactly("one", "two", "three");
    }

    @Test
    void accepts_text_of_50_and_5000_characters() {
        JsonNode items = json(client.post(KB, items(textItem("min", text(50)), textItem("max", text(5000)))))
                .at("/data/items");

        assertThat(items.get(0).get("size").asLong()).isEqualTo(50);
        assertThat(items.get(1).get("size").asLong()).isEqualTo(5000);
    }

    @Test
    void refuses_text_of_49_and_5001_characters_and_stores_nothing() {
        HttpResponse<String> response = client.post(KB, items(textItem("short", text(49)),
                textItem("fine", text(100)), textItem("long", text(5001))));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("10400");
        assertThat(error.at("/details/items[0].content").asText()).contains("between 50 and 5000");
        assertThat(error.at("/details").has("items[1].content")).isFalse();
        assertThat(error.at("/details/items[2].content").asText()).contains("between 50 and 5000");
        assertThat(simulator.knowledgeItems()).isEmpty();
    }

    @Test
    void accepts_1_and_100_urls_at_size_0_until_processed() {
        HttpResponse<String> response = client.post(KB, items(urlItem("one", 1), urlItem("hundred", 100)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = json(response).at("/data/items");
        assertThat(items.get(0).get("itemUrls")).hasSize(1);
        assertThat(items.get(1).get("itemUrls")).hasSize(100);
        assertThat(items.get(0).get("size").asLong()).isZero();
        assertThat(items.get(0).has("content")).isFalse();
    }

    @Test
    void refuses_0_and_101_urls_and_urls_that_are_not_absolute_http() {
        HttpResponse<String> response = client.post(KB, items(urlItem("none", 0), urlItem("too many", 101),
                "{\"itemName\": \"bad\", \"type\": \"URL\", \"itemUrls\": [\"https://ok.example\", \"ftp://x.example/a\", \"/relative\", 5]}"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = json(response).at("/error/details");
        assertThat(details.get("items[0].itemUrls").asText()).contains("1 to 100");
        assertThat(details.get("items[1].itemUrls").asText()).contains("1 to 100");
        assertThat(details.has("items[2].itemUrls[0]")).isFalse();
        assertThat(details.get("items[2].itemUrls[1]").asText()).isEqualTo("must be an absolute http or https URL");
        assertThat(details.has("items[2].itemUrls[2]")).isTrue();
        assertThat(details.has("items[2].itemUrls[3]")).isTrue();
    }

    @Test
    void takes_a_file_as_base64_and_counts_its_decoded_bytes() {
        JsonNode item = json(client.post(KB, items(fileItem("Guide.PDF", "0123456789")))).at("/data/items/0");

        assertThat(item.get("type").asText()).isEqualTo("FILE");
        assertThat(item.get("fileName").asText()).isEqualTo("Guide.PDF");
        assertThat(item.get("mimeType").asText()).isEqualTo("application/pdf");
        assertThat(item.get("size").asLong()).isEqualTo(10);
        assertThat(item.has("content")).isFalse();
    }

    @Test
    void keeps_the_mime_type_a_file_is_sent_with() {
        String body = items("{\"itemName\": \"page\", \"type\": \"FILE\", \"fileName\": \"page.htm\", "
                + "\"mimeType\": \"text/html; charset=utf-8\", \"content\": \"" + base64("<p>hi</p>") + "\"}");

        assertThat(json(client.post(KB, body)).at("/data/items/0/mimeType").asText())
                .isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void refuses_a_file_with_a_bad_extension_bad_base64_no_bytes_or_no_name() {
        HttpResponse<String> response = client.post(KB, items(
                fileItem("slides.pptx", "x"),
                "{\"itemName\": \"b\", \"type\": \"FILE\", \"fileName\": \"a.txt\", \"content\": \"not base64!\"}",
                "{\"itemName\": \"c\", \"type\": \"FILE\", \"fileName\": \"a.txt\", \"content\": \"\"}",
                "{\"itemName\": \"d\", \"type\": \"FILE\", \"content\": \"" + base64("x") + "\"}",
                fileItem("noextension", "x")));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = json(response).at("/error/details");
        assertThat(details.get("items[0].fileName").asText()).contains(".pdf, .docx, .doc, .txt, .html, .htm or .epub");
        assertThat(details.get("items[1].content").asText()).contains("base64");
        assertThat(details.get("items[2].content").asText()).contains("empty");
        assertThat(details.get("items[3].fileName").asText()).isEqualTo("is required");
        assertThat(details.has("items[4].fileName")).isTrue();
    }

    @Test
    void accepts_every_listed_file_kind() {
        List<String> files = List.of("a.pdf", "a.docx", "a.doc", "a.txt", "a.html", "a.htm", "a.epub");

        HttpResponse<String> response = client.post(KB,
                items(files.stream().map(name -> fileItem(name, "bytes")).toArray(String[]::new)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/items")).hasSize(7);
    }

    @Test
    void refuses_a_missing_empty_or_oversized_items_array_and_bad_names_and_types() {
        assertThat(json(client.post(KB, "{}")).at("/error/details/items").asText()).isEqualTo("is required");
        assertThat(json(client.post(KB, "{\"items\": []}")).at("/error/details/items").asText()).contains("1 to 10");
        String eleven = items(IntStream.range(0, 11).mapToObj(i -> textItem("n" + i, text(50))).toArray(String[]::new));
        assertThat(client.post(KB, eleven).statusCode()).isEqualTo(400);
        String ten = items(IntStream.range(0, 10).mapToObj(i -> textItem("n" + i, text(50))).toArray(String[]::new));
        assertThat(client.post(KB, ten).statusCode()).isEqualTo(200);

        HttpResponse<String> bad = client.post(KB, items(textItem("x".repeat(256), text(50)),
                textItem("   ", text(50)), "{\"itemName\": \"t\", \"type\": \"VIDEO\"}", "{\"type\": \"TEXT\"}"));
        JsonNode details = json(bad).at("/error/details");
        assertThat(details.get("items[0].itemName").asText()).contains("at most 255");
        assertThat(details.get("items[1].itemName").asText()).isEqualTo("must not be blank");
        assertThat(details.get("items[2].type").asText()).isEqualTo("must be TEXT, FILE or URL");
        assertThat(details.get("items[3].itemName").asText()).isEqualTo("is required");
        assertThat(client.post(KB, items(textItem("x".repeat(255), text(50)))).statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_a_create_that_would_go_over_the_storage_quota_and_stores_none_of_it() {
        simulator.setKnowledgeStorageLimit(200);
        assertThat(client.post(KB, items(textItem("first", text(150)))).statusCode()).isEqualTo(200);

        HttpResponse<String> response = client.post(KB, items(textItem("a", text(50)), textItem("b", text(50))));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("10400");
        assertThat(error.get("message").asText()).isEqualTo("Knowledge base storage quota exceeded");
        assertThat(error.at("/details/storage").asText()).contains("150 of 200");
        assertThat(simulator.knowledgeItems()).hasSize(1);
        assertThat(client.post(KB, items(textItem("fits", text(50)))).statusCode()).isEqualTo(200);
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(200);
    }

    @Test
    void counts_urls_against_the_quota_before_they_are_processed() {
        simulator.setKnowledgeStorageLimit(3 * 2048);

        assertThat(client.post(KB, items(urlItem("two", 2))).statusCode()).isEqualTo(200);
        HttpResponse<String> over = client.post(KB, items(urlItem("two more", 2)));

        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(json(over).at("/error/message").asText()).isEqualTo("Knowledge base storage quota exceeded");
    }

    @Test
    void has_a_quota_of_one_mebibyte_by_default() {
        String big = base64Bytes(1_048_576);
        assertThat(client.post(KB, items(fileItem("big.txt", big, true))).statusCode()).isEqualTo(200);

        HttpResponse<String> over = client.post(KB, items(fileItem("one more.txt", "x")));

        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(1_048_576);
    }

    @Test
    void processes_items_to_completed_and_gives_urls_their_size() throws InterruptedException {
        JsonNode items = json(client.post(KB, items(textItem("text", text(80)), urlItem("urls", 3)))).at("/data/items");

        awaitStatus(items.get(0).get("id").asText(), "COMPLETED");
        awaitStatus(items.get(1).get("id").asText(), "COMPLETED");

        JsonNode url = json(client.get(KB + "/" + items.get(1).get("id").asText())).get("data");
        assertThat(url.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(url.get("size").asLong()).isEqualTo(3 * 2048);
        assertThat(url.get("failureReason").isNull()).isTrue();
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(80 + 3 * 2048);
    }

    @Test
    void passes_through_processing_on_the_way() throws InterruptedException {
        simulator.setKnowledgeProcessingDelay(Duration.ofSeconds(30));
        String id = json(client.post(KB, items(textItem("slow", text(50))))).at("/data/items/0/id").asText();

        awaitStatus(id, "PROCESSING");

        assertThat(json(client.get(KB + "/" + id)).at("/data/status").asText()).isEqualTo("PROCESSING");
    }

    @Test
    void fails_the_next_items_to_finish_with_the_scripted_reason() throws InterruptedException {
        simulator.failNextKnowledgeItems(1, "Could not read the document");
        String failed = json(client.post(KB, items(urlItem("broken", 2)))).at("/data/items/0/id").asText();
        awaitStatus(failed, "FAILED");
        String completed = json(client.post(KB, items(textItem("fine", text(50))))).at("/data/items/0/id").asText();
        awaitStatus(completed, "COMPLETED");

        JsonNode item = json(client.get(KB + "/" + failed)).get("data");
        assertThat(item.get("status").asText()).isEqualTo("FAILED");
        assertThat(item.get("failureReason").asText()).isEqualTo("Could not read the document");
        assertThat(item.get("size").asLong()).isZero();
        assertThat(simulator.knowledgeItems().get(0).failureReason()).isEqualTo("Could not read the document");
    }

    @Test
    void lists_items_oldest_first_with_skip_and_take() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(json(client.post(KB, items(textItem("item " + i, text(50))))).at("/data/items/0/id").asText());
        }

        JsonNode first = json(client.get(KB + "/list?skip=0&take=10")).get("data");
        JsonNode last = json(client.get(KB + "/list?skip=20&take=10")).get("data");

        assertThat(first.get("total").asInt()).isEqualTo(25);
        assertThat(ids(first.get("items"))).containsExactlyElementsOf(created.subList(0, 10));
        assertThat(ids(last.get("items"))).containsExactlyElementsOf(created.subList(20, 25));
        assertThat(json(client.get(KB + "/list")).at("/data/items")).hasSize(20);
        assertThat(json(client.get(KB + "/list?take=500")).at("/data/items")).hasSize(25);
        assertThat(json(client.get(KB + "/list?skip=30")).at("/data/items")).isEmpty();
        assertThat(client.get(KB + "/list?skip=-1").statusCode()).isEqualTo(400);
        assertThat(client.get(KB + "/list?take=0").statusCode()).isEqualTo(400);
    }

    @Test
    void answers_404_for_an_unknown_item() {
        for (HttpResponse<String> response : List.of(client.get(KB + "/nope"),
                client.patch(KB + "/nope", "{\"itemName\": \"x\"}"),
                client.send("DELETE", KB + "/nope", null),
                client.post(KB + "/nope/url", "{\"itemUrls\": [\"https://a.example\"]}"),
                client.post(KB + "/toggle-activation", "{\"id\": \"nope\", \"isActive\": false}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("10404");
            assertThat(json(response).at("/error/message").asText()).isEqualTo("Knowledge base item not found");
        }
    }

    @Test
    void renames_an_item_without_reprocessing_it() throws InterruptedException {
        String id = createText("old", text(60));
        awaitStatus(id, "COMPLETED");

        HttpResponse<String> response = client.patch(KB + "/" + id, "{\"itemName\": \"new\", \"unknown\": 1}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode item = json(response).get("data");
        assertThat(item.get("itemName").asText()).isEqualTo("new");
        assertThat(item.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(item.get("updatedAt").asText()).isGreaterThan(item.get("createdAt").asText());
    }

    @Test
    void new_content_sends_a_text_item_back_to_processing() throws InterruptedException {
        String id = createText("doc", text(60));
        awaitStatus(id, "COMPLETED");

        JsonNode item = json(client.patch(KB + "/" + id, "{\"content\": \"" + text(70) + "\"}")).get("data");

        assertThat(item.get("status").asText()).isEqualTo("PENDING");
        assertThat(item.get("size").asLong()).isEqualTo(70);
        awaitStatus(id, "COMPLETED");
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(70);
    }

    @Test
    void refuses_null_short_content_content_for_other_types_and_growth_past_the_quota() {
        String text = createText("doc", text(60));
        String url = json(client.post(KB, items(urlItem("site", 1)))).at("/data/items/0/id").asText();

        HttpResponse<String> nulls = client.patch(KB + "/" + text, "{\"itemName\": null, \"content\": null}");
        assertThat(nulls.statusCode()).isEqualTo(400);
        assertThat(json(nulls).at("/error/details/itemName").asText()).isEqualTo("must not be null");
        assertThat(json(nulls).at("/error/details/content").asText()).isEqualTo("must not be null");
        assertThat(client.patch(KB + "/" + text, "{\"content\": \"" + text(49) + "\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> onUrl = client.patch(KB + "/" + url, "{\"content\": \"" + text(60) + "\"}");
        assertThat(onUrl.statusCode()).isEqualTo(400);
        assertThat(json(onUrl).at("/error/details/content").asText()).contains("only TEXT");

        simulator.setKnowledgeStorageLimit(2048 + 100);
        HttpResponse<String> grown = client.patch(KB + "/" + text, "{\"content\": \"" + text(101) + "\"}");
        assertThat(grown.statusCode()).isEqualTo(400);
        assertThat(json(grown).at("/error/message").asText()).isEqualTo("Knowledge base storage quota exceeded");
        assertThat(client.patch(KB + "/" + text, "{\"content\": \"" + text(100) + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void deletes_an_item_and_frees_its_storage() {
        String kept = createText("kept", text(50));
        String gone = createText("gone", text(80));

        HttpResponse<String> response = client.send("DELETE", KB + "/" + gone, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/id").asText()).isEqualTo(gone);
        assertThat(client.get(KB + "/" + gone).statusCode()).isEqualTo(404);
        assertThat(simulator.knowledgeItems()).extracting(KnowledgeItemView::id).containsExactly(kept);
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(50);
        assertThat(client.send("DELETE", KB + "/" + gone, null).statusCode()).isEqualTo(404);
    }

    @Test
    void adds_urls_to_a_url_item_and_reprocesses_it() throws InterruptedException {
        String id = json(client.post(KB, items(urlItem("site", 1)))).at("/data/items/0/id").asText();
        awaitStatus(id, "COMPLETED");

        HttpResponse<String> response = client.post(KB + "/" + id + "/url",
                "{\"itemUrls\": [\"https://b.example/x\", \"http://c.example\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode item = json(response).get("data");
        assertThat(item.get("status").asText()).isEqualTo("PENDING");
        assertThat(item.get("itemUrls")).hasSize(3);
        assertThat(item.at("/itemUrls/2").asText()).isEqualTo("http://c.example");
        awaitStatus(id, "COMPLETED");
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(3 * 2048);
    }

    @Test
    void refuses_urls_for_other_items_bad_urls_and_more_than_100_in_all() {
        String url = json(client.post(KB, items(urlItem("site", 60)))).at("/data/items/0/id").asText();
        String text = createText("doc", text(60));

        HttpResponse<String> onText = client.post(KB + "/" + text + "/url", "{\"itemUrls\": [\"https://a.example\"]}");
        assertThat(onText.statusCode()).isEqualTo(400);
        assertThat(json(onText).at("/error/details/itemUrls").asText()).contains("URL item");
        assertThat(client.post(KB + "/" + url + "/url", "{\"itemUrls\": [\"mailto:a@b.c\"]}").statusCode())
                .isEqualTo(400);
        assertThat(client.post(KB + "/" + url + "/url", "{\"itemUrls\": []}").statusCode()).isEqualTo(400);
        HttpResponse<String> tooMany = client.post(KB + "/" + url + "/url", "{\"itemUrls\": " + urls(41) + "}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).at("/error/details/itemUrls").asText()).contains("at most 100");
        assertThat(client.post(KB + "/" + url + "/url", "{\"itemUrls\": " + urls(40) + "}").statusCode())
                .isEqualTo(200);
        assertThat(simulator.knowledgeItems().get(0).itemUrls()).hasSize(100);
    }

    @Test
    void toggles_activation_by_id_or_knowledgeBaseItemId() {
        String id = createText("doc", text(60));

        JsonNode off = json(client.post(KB + "/toggle-activation", "{\"id\": \"" + id + "\", \"isActive\": false}"));
        assertThat(off.at("/data/isActive").asBoolean()).isFalse();
        assertThat(simulator.knowledgeItems().get(0).active()).isFalse();

        JsonNode on = json(client.post(KB + "/toggle-activation",
                "{\"knowledgeBaseItemId\": \"" + id + "\", \"isActive\": true}"));
        assertThat(on.at("/data/isActive").asBoolean()).isTrue();

        HttpResponse<String> bad = client.post(KB + "/toggle-activation", "{\"id\": \"" + id + "\", \"isActive\": \"no\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).at("/error/details/isActive").asText()).isEqualTo("must be true or false");
        assertThat(json(client.post(KB + "/toggle-activation", "{}")).at("/error/details").has("id")).isTrue();
    }

    @Test
    void goes_through_the_gateway_like_every_api_route() {
        simulator.failNext(503);

        assertThat(client.post(KB, items(textItem("doc", text(60)))).statusCode()).isEqualTo(503);
        assertThat(client.send("GET", KB + "/list", null, "Token wrong").statusCode()).isEqualTo(403);
        assertThat(simulator.recordedRequests("POST", KB)).hasSize(1);
        assertThat(simulator.knowledgeItems()).isEmpty();
    }

    @Test
    void reset_forgets_items_scripted_failures_and_the_changed_limit() throws InterruptedException {
        createText("doc", text(60));
        simulator.failNextKnowledgeItems(5, "never used");
        simulator.setKnowledgeStorageLimit(10);

        simulator.reset();

        assertThat(simulator.knowledgeItems()).isEmpty();
        String id = createText("after", text(60));
        awaitStatus(id, "COMPLETED");
        assertThat(simulator.knowledgeStorageUsed()).isEqualTo(60);
    }

    @Test
    void shows_the_knowledge_base_and_scripts_failures_over_admin() throws InterruptedException {
        simulator.setKnowledgeStorageLimit(5_000);
        HttpResponse<String> failNext = client.send("POST", "/_admin/knowledge/fail-next",
                "{\"count\": 1, \"reason\": \"Unsupported encoding\"}", null);
        assertThat(failNext.statusCode()).isEqualTo(200);
        String id = createText("doc", text(60));
        awaitStatus(id, "FAILED");

        JsonNode admin = json(client.send("GET", "/_admin/knowledge", null, null));

        assertThat(admin.get("used").asLong()).isEqualTo(60);
        assertThat(admin.get("limit").asLong()).isEqualTo(5_000);
        assertThat(admin.get("processingDelayMillis").asLong()).isEqualTo(50);
        assertThat(admin.at("/items/0/failureReason").asText()).isEqualTo("Unsupported encoding");
        assertThat(client.send("POST", "/_admin/knowledge/fail-next", "{\"count\": 0}", null).statusCode())
                .isEqualTo(400);
        assertThat(simulator.recordedRequests(null, "/_admin")).isEmpty();
    }

    private String createText(String name, String content) {
        HttpResponse<String> response = client.post(KB, items(textItem(name, content)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).at("/data/items/0/id").asText();
    }

    private void awaitStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (simulator.knowledgeItems().stream().anyMatch(item -> item.id().equals(id) && item.status().equals(status))) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(simulator.knowledgeItems()).as("item " + id + " to become " + status)
                .anyMatch(item -> item.id().equals(id) && item.status().equals(status));
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    static String items(String... items) {
        return "{\"items\": [" + String.join(", ", items) + "]}";
    }

    static String textItem(String name, String content) {
        return "{\"itemName\": \"" + name + "\", \"type\": \"TEXT\", \"content\": \"" + content + "\"}";
    }

    static String urlItem(String name, int count) {
        return "{\"itemName\": \"" + name + "\", \"type\": \"URL\", \"itemUrls\": " + urls(count) + "}";
    }

    private static String fileItem(String fileName, String content) {
        return fileItem(fileName, base64(content), true);
    }

    private static String fileItem(String fileName, String base64, boolean encoded) {
        String name = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return "{\"itemName\": \"" + name + "\", \"type\": \"FILE\", \"fileName\": \"" + fileName
                + "\", \"content\": \"" + base64 + "\"}";
    }

    private static String urls(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"https://docs.example.com/page-" + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String text(int length) {
        return "a".repeat(length);
    }

    private static String base64(String content) {
        return Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Bytes(int count) {
        return Base64.getEncoder().encodeToString(new byte[count]);
    }
}
