package dev.switchboard.app.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.domain.fake.KnowledgeFiles;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knowledge-base API over real HTTP, against real Postgres and the simulator standing in for Hamsa. */
@QuarkusTest
class KnowledgeApiTest {

    static final String KB = "/api/v1/knowledge";
    static final String HAMSA_KB = "/v1/voice-agents/knowledge-base";
    /** The smallest file a PDF reader takes as one: what the type check looks for is its signature. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private HamsaSimulator hamsa;
    private TestTeams.TestTeam team;

    @BeforeEach
    void calmHamsa() {
        team = TestTeams.withAllScopes().useByDefault();
        hamsa = SandboxHamsa.calm();
        hamsa.setKnowledgeProcessingDelay(Duration.ofMillis(300));
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }

    static String text(int characters) {
        return "k".repeat(characters);
    }

    static JsonPath addText(String name, String content) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "type", "TEXT", "content", content))
                .post(KB).then().statusCode(201).extract().jsonPath();
    }

    /** As the operator: the team's default key must not ride along. */
    static io.restassured.specification.RequestSpecification asAdmin() {
        return given().spec(TestTeams.admin());
    }

    private void setBudget(long bytes) {
        var saved = io.restassured.RestAssured.requestSpecification;
        io.restassured.RestAssured.requestSpecification = null;
        try {
            asAdmin().contentType(ContentType.JSON).body(Map.of("budgetBytes", bytes))
                    .put("/api/v1/admin/teams/" + team.id() + "/knowledge-storage").then().statusCode(200)
                    .body("teamBudgetBytes", equalTo((int) bytes));
        } finally {
            io.restassured.RestAssured.requestSpecification = saved;
        }
    }

    private int teamUsedBytes() {
        var saved = io.restassured.RestAssured.requestSpecification;
        io.restassured.RestAssured.requestSpecification = null;
        try {
            return asAdmin().get("/api/v1/admin/teams/" + team.id() + "/knowledge-storage").then().statusCode(200)
                    .extract().path("teamUsedBytes");
        } finally {
            io.restassured.RestAssured.requestSpecification = saved;
        }
    }

    private int hamsaCreates() {
        return hamsa.recordedRequests("POST", HAMSA_KB).size();
    }

    @Test
    void a_text_item_is_stored_on_hamsa_and_its_status_follows_hamsas_processing() {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Refund policy", "type", "TEXT", "content", text(120)))
                .post(KB).then().statusCode(201)
                .body("type", equalTo("TEXT")).body("content", equalTo(text(120)))
                .body("sizeBytes", equalTo(120)).body("status", equalTo("PENDING"))
                .body("hamsaItemId", notNullValue()).body("active", equalTo(true))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(KB + "/" + id);
        assertThat(hamsa.recordedRequests("POST", HAMSA_KB)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"itemName\":\"Refund policy\"", "\"type\":\"TEXT\""));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get(KB + "/" + id).then().statusCode(200).body("status", equalTo("COMPLETED")));
    }

    @Test
    void a_failure_in_hamsas_processing_shows_with_its_reason() {
        // Items of earlier tests still processing would take the scripted failure: let them finish first.
        await().atMost(Duration.ofSeconds(15)).until(() -> hamsa.knowledgeItems().stream()
                .allMatch(i -> i.status().equals("COMPLETED") || i.status().equals("FAILED")));
        hamsa.failNextKnowledgeItems(1, "The text could not be indexed");
        String id = addText("Doomed", text(60)).getString("id");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get(KB + "/" + id).then().statusCode(200)
                        .body("status", equalTo("FAILED"))
                        .body("failureReason", equalTo("The text could not be indexed")));
    }

    @Test
    void text_length_is_held_to_50_to_5000_characters_before_hamsa_is_asked() {
        for (int bad : new int[] {49, 5_001}) {
            given().contentType(ContentType.JSON).body(Map.of("name", "n", "type", "TEXT", "content", text(bad)))
                    .post(KB).then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", hasItem("content"));
        }
        assertThat(hamsaCreates()).isZero();
        addText("shortest", text(50));
        addText("longest", text(5_000));
        assertThat(hamsaCreates()).isEqualTo(2);
    }

    @Test
    void a_url_item_takes_1_to_100_public_urls() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "https://example.com/page/" + i).toList();
        List<String> hundredOne = new ArrayList<>(hundred);
        hundredOne.add("https://example.com/one-too-many");
        for (List<String> bad : List.of(List.<String>of(), hundredOne)) {
            given().contentType(ContentType.JSON).body(Map.of("name", "n", "type", "URL", "urls", bad))
                    .post(KB).then().statusCode(400).body("errors.field", hasItem("urls"));
        }
        assertThat(hamsaCreates()).isZero();

        given().contentType(ContentType.JSON).body(Map.of("name", "Docs", "type", "URL", "urls", hundred))
                .post(KB).then().statusCode(201).body("urls", hasSize(100)).body("sizeBytes", equalTo(0));
    }

    @Test
    void hostile_urls_are_refused_each_by_its_place_and_hamsa_never_sees_them() {
        List<String> hostile = List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:5432/",
                "http://localhost/admin", "http://10.0.0.7/", "https://user:pass@example.com/", "file:///etc/passwd");
        var errors = given().contentType(ContentType.JSON)
                .body(Map.of("name", "n", "type", "URL", "urls", hostile))
                .post(KB).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .extract().jsonPath().getList("errors.field", String.class);

        assertThat(errors).containsExactlyInAnyOrder("urls[0]", "urls[1]", "urls[2]", "urls[3]", "urls[4]", "urls[5]");
        assertThat(hamsaCreates()).isZero();
    }

    @Test
    void a_file_is_uploaded_as_multipart_and_its_type_is_judged_by_its_content() {
        var created = given().multiPart("name", "Handbook").multiPart("file", "handbook.pdf", PDF, "application/pdf")
                .post(KB).then().statusCode(201)
                .body("type", equalTo("FILE")).body("file.name", equalTo("handbook.pdf"))
                .body("file.type", equalTo("PDF")).body("sizeBytes", equalTo(PDF.length))
                .extract();
        assertThat(created.header("Location")).contains(KB + "/");
        assertThat(hamsa.recordedRequests("POST", HAMSA_KB)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"fileName\":\"handbook.pdf\"", "\"mimeType\":\"application/pdf\""));

        given().multiPart("file", "page.html", "<!DOCTYPE html><html><body>Hours</body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html").post(KB).then().statusCode(201).body("file.type", equalTo("HTML")).body("name", equalTo("page.html"));
    }

    @Test
    void a_file_whose_content_does_not_match_its_name_is_refused() {
        given().multiPart("file", "notes.txt", PDF, "text/plain").post(KB).then().statusCode(400)
                .body("errors.field", hasItem("file")).body("errors.message", hasItem(containsString("PDF")));
        given().multiPart("file", "report.docx", "just text, not a document".getBytes(StandardCharsets.UTF_8))
                .post(KB).then().statusCode(400).body("errors.field", hasItem("file"));
        given().multiPart("file", "tool.exe", PDF).post(KB).then().statusCode(400).body("errors.field", hasItem("file"));
        given().multiPart("file", "binary.txt", new byte[] {0, 1, 2, (byte) 0xff}).post(KB).then().statusCode(400);
        given().multiPart("name", "no file").post(KB).then().statusCode(400).body("errors.field", hasItem("file"));

        assertThat(hamsaCreates()).isZero();
    }

    @Test
    void an_upload_larger_than_the_limit_is_413_before_it_is_read() {
        byte[] big = new byte[3_300 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        given().multiPart("file", "big.txt", big, "text/plain").post(KB).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(hamsaCreates()).isZero();
    }

    @Test
    void a_file_type_item_sent_as_json_is_told_to_use_multipart() {
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "type", "FILE", "content", text(60)))
                .post(KB).then().statusCode(400).body("errors.field", hasItem("type"))
                .body("errors.message", hasItem(containsString("multipart/form-data")));
    }

    @Test
    void past_the_teams_budget_the_item_is_refused_before_hamsa_is_asked_and_nothing_is_kept() {
        setBudget(200);
        assertThat(teamUsedBytes()).isZero();
        addText("first", text(150));
        int creates = hamsaCreates();

        given().contentType(ContentType.JSON).body(Map.of("name", "second", "type", "TEXT", "content", text(60)))
                .post(KB).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("KNOWLEDGE_STORAGE_EXCEEDED"))
                .body("detail", containsString("150 of 200 bytes"));

        assertThat(hamsaCreates()).isEqualTo(creates);
        given().get(KB).then().statusCode(200).body("items", hasSize(1));
        assertThat(teamUsedBytes()).isEqualTo(150);
    }

    @Test
    void growing_a_text_past_the_budget_is_refused_and_shrinking_it_frees_bytes() {
        String id = addText("grows", text(100)).getString("id");
        setBudget(120);
        int patches = hamsa.recordedRequests("PATCH", HAMSA_KB).size();

        given().contentType(ContentType.JSON).body(Map.of("content", text(121)))
                .patch(KB + "/" + id).then().statusCode(409).body("code", equalTo("KNOWLEDGE_STORAGE_EXCEEDED"));
        assertThat(hamsa.recordedRequests("PATCH", HAMSA_KB)).hasSize(patches);

        given().contentType(ContentType.JSON).body(Map.of("content", text(60), "name", "shrunk"))
                .patch(KB + "/" + id).then().statusCode(200)
                .body("name", equalTo("shrunk")).body("sizeBytes", equalTo(60));
        given().get(KB + "/" + id).then().body("content", equalTo(text(60)));
    }

    @Test
    void an_item_is_renamed_extended_switched_off_and_deleted() {
        String textId = addText("Hours", text(70)).getString("id");
        given().contentType(ContentType.JSON).body(Map.of("urls", List.of("https://example.com/a")))
                .post(KB + "/" + textId + "/urls").then().statusCode(400).body("errors.field", hasItem("urls"));

        String urlId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Site", "type", "URL", "urls", List.of("https://example.com/a")))
                .post(KB).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("urls", List.of("https://example.com/b")))
                .post(KB + "/" + urlId + "/urls").then().statusCode(200)
                .body("urls", equalTo(List.of("https://example.com/a", "https://example.com/b")));
        given().contentType(ContentType.JSON).body(Map.of("content", text(80)))
                .patch(KB + "/" + urlId).then().statusCode(400).body("errors.field", hasItem("content"));

        given().post(KB + "/" + urlId + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        assertThat(hamsa.knowledgeItems()).filteredOn(i -> i.itemName().equals("Site")).singleElement()
                .satisfies(i -> assertThat(i.active()).isFalse());
        given().post(KB + "/" + urlId + "/activate").then().statusCode(200).body("active", equalTo(true));

        given().delete(KB + "/" + textId).then().statusCode(204);
        given().get(KB + "/" + textId).then().statusCode(404).body("code", equalTo("KNOWLEDGE_ITEM_NOT_FOUND"));
        assertThat(hamsa.recordedRequests("DELETE", HAMSA_KB)).hasSize(1);
    }

    @Test
    void another_teams_items_are_invisible_and_untouchable() {
        String id = addText("Mine", text(60)).getString("id");
        TestTeams.TestTeam other = TestTeams.withAllScopes();
        TestTeams.forget();
        team.useByDefault();
        io.restassured.RestAssured.requestSpecification = null;

        given().spec(other.spec()).get(KB + "/" + id).then().statusCode(404).body("code", equalTo("KNOWLEDGE_ITEM_NOT_FOUND"));
        given().spec(other.spec()).contentType(ContentType.JSON).body(Map.of("name", "theirs"))
                .patch(KB + "/" + id).then().statusCode(404);
        given().spec(other.spec()).delete(KB + "/" + id).then().statusCode(404);
        given().spec(other.spec()).post(KB + "/" + id + "/deactivate").then().statusCode(404);
        given().spec(other.spec()).get(KB).then().statusCode(200).body("items", hasSize(0));
        given().spec(team.spec()).get(KB + "/" + id).then().statusCode(200).body("name", equalTo("Mine"))
                .body("active", equalTo(true));
    }

    @Test
    void the_list_is_paged_with_a_cursor() {
        for (int i = 0; i < 3; i++) {
            addText("item " + i, text(60 + i));
        }
        var first = given().get(KB + "?limit=2").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().jsonPath();
        given().get(KB + "?limit=2&cursor=" + first.getString("nextCursor")).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("item 2")).body("nextCursor", nullValue());
        given().get(KB + "?cursor=not-ours").then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void a_retried_upload_with_the_same_key_is_answered_once_and_stored_once() {
        String first = given().header("Idempotency-Key", "upload-" + team.id())
                .multiPart("file", "handbook.pdf", PDF, "application/pdf").post(KB)
                .then().statusCode(201).extract().path("id");
        String again = given().header("Idempotency-Key", "upload-" + team.id())
                .multiPart("file", "handbook.pdf", PDF, "application/pdf").post(KB)
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(hamsaCreates()).isEqualTo(1);
    }

    @Test
    void unknown_ids_and_bad_bodies_get_clear_problems() {
        given().get(KB + "/not-a-uuid").then().statusCode(404).body("code", equalTo("KNOWLEDGE_ITEM_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "type", "VIDEO"))
                .post(KB).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().contentType(ContentType.JSON).body("{\"name\": \"n\", \"type\": \"TEXT\", \"content\": ")
                .post(KB).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().contentType(ContentType.JSON).body(Map.of("type", "TEXT", "content", text(60)))
                .post(KB).then().statusCode(400).body("errors.field", hasItem("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "type", "TEXT", "content", text(60), "urls", List.of()))
                .post(KB).then().statusCode(400).body("errors.field", hasItem("urls"));
    }

    private String addUrlItem(String name, List<String> urls) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "type", "URL", "urls", urls))
                .post(KB).then().statusCode(201).extract().path("id");
    }

    /** Every POST under Hamsa's knowledge base: creates, and URLs added to an item ({id}/url). */
    private int hamsaPosts() {
        return hamsa.recordedRequests("POST", HAMSA_KB).size();
    }

    @Test
    void hostile_urls_added_to_an_item_are_refused_each_by_its_place_and_hamsa_never_sees_them() {
        String id = addUrlItem("Site", List.of("https://example.com/a"));
        int posts = hamsaPosts();

        var errors = given().contentType(ContentType.JSON)
                .body(Map.of("urls", List.of("https://example.com/fine", "http://169.254.169.254/latest/meta-data/",
                        "http://localhost/admin", "https://user:pass@example.com/", "file:///etc/passwd")))
                .post(KB + "/" + id + "/urls").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .extract().jsonPath().getList("errors.field", String.class);

        assertThat(errors).containsExactlyInAnyOrder("urls[1]", "urls[2]", "urls[3]", "urls[4]");
        assertThat(hamsaPosts()).isEqualTo(posts);
        given().get(KB + "/" + id).then().statusCode(200).body("urls", equalTo(List.of("https://example.com/a")));
    }

    @Test
    void urls_added_to_an_item_stop_at_100_in_all() {
        String id = addUrlItem("Docs", List.of("https://example.com/page/0"));
        List<String> ninetyNine = IntStream.range(1, 100).mapToObj(i -> "https://example.com/page/" + i).toList();
        int posts = hamsaPosts();

        given().contentType(ContentType.JSON).body(Map.of("urls", ninetyNine))
                .post(KB + "/" + id + "/urls").then().statusCode(200).body("urls", hasSize(100));
        assertThat(hamsaPosts()).isEqualTo(posts + 1);

        given().contentType(ContentType.JSON).body(Map.of("urls", List.of("https://example.com/one-too-many")))
                .post(KB + "/" + id + "/urls").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("urls"));
        assertThat(hamsaPosts()).isEqualTo(posts + 1);
        given().get(KB + "/" + id).then().statusCode(200).body("urls", hasSize(100));
    }

    @Test
    void a_budget_that_is_negative_or_for_an_unknown_team_is_refused() {
        io.restassured.RestAssured.requestSpecification = null;

        asAdmin().contentType(ContentType.JSON).body(Map.of("budgetBytes", -1))
                .put("/api/v1/admin/teams/" + team.id() + "/knowledge-storage").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("budgetBytes"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("budgetBytes", 1_000))
                .put("/api/v1/admin/teams/" + UUID.randomUUID() + "/knowledge-storage").then().statusCode(404)
                .body("code", equalTo("TEAM_NOT_FOUND"));

        // The refused budget changed nothing: the team still has the default, the whole account.
        JsonPath storage = asAdmin().get("/api/v1/admin/teams/" + team.id() + "/knowledge-storage").then()
                .statusCode(200).extract().jsonPath();
        assertThat(storage.getLong("teamBudgetBytes")).isEqualTo(storage.getLong("accountLimitBytes")).isPositive();
    }

    @Test
    void a_text_changed_by_patch_is_held_to_50_to_5000_characters_before_hamsa_is_asked() {
        String id = addText("Patched", text(100)).getString("id");
        int patches = hamsa.recordedRequests("PATCH", HAMSA_KB).size();

        for (int bad : new int[] {49, 5_001}) {
            given().contentType(ContentType.JSON).body(Map.of("content", text(bad)))
                    .patch(KB + "/" + id).then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("content"));
        }
        assertThat(hamsa.recordedRequests("PATCH", HAMSA_KB)).hasSize(patches);
        given().get(KB + "/" + id).then().body("content", equalTo(text(100)));

        for (int good : new int[] {50, 5_000}) {
            given().contentType(ContentType.JSON).body(Map.of("content", text(good)))
                    .patch(KB + "/" + id).then().statusCode(200).body("sizeBytes", equalTo(good));
        }
        assertThat(hamsa.recordedRequests("PATCH", HAMSA_KB)).hasSize(patches + 2);
        given().get(KB + "/" + id).then().body("content", equalTo(text(5_000)));
    }

    @Test
    void docx_doc_epub_and_txt_files_are_uploaded_and_typed_by_their_content() {
        record Upload(String fileName, byte[] bytes, String mimeType, String kind) {
        }
        List<Upload> uploads = List.of(
                new Upload("letter.docx", KnowledgeFiles.docx(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
                new Upload("memo.doc", KnowledgeFiles.doc(), "application/msword", "DOC"),
                new Upload("guide.epub", KnowledgeFiles.epub(), "application/epub+zip", "EPUB"),
                new Upload("hours.txt", KnowledgeFiles.txt(), "text/plain", "TXT"));

        for (Upload upload : uploads) {
            given().multiPart("file", upload.fileName(), upload.bytes(), upload.mimeType()).post(KB)
                    .then().statusCode(201)
                    .body("type", equalTo("FILE")).body("file.name", equalTo(upload.fileName()))
                    .body("file.type", equalTo(upload.kind())).body("sizeBytes", equalTo(upload.bytes().length));
        }

        var sent = hamsa.recordedRequests("POST", HAMSA_KB);
        assertThat(sent).hasSize(uploads.size());
        for (Upload upload : uploads) {
            assertThat(sent).anySatisfy(r -> assertThat(r.body())
                    .contains("\"fileName\":\"" + upload.fileName() + "\"", "\"mimeType\":\"" + upload.mimeType() + "\""));
        }
    }
}
