package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import dev.switchboard.domain.port.out.KnowledgeBasePlatformContract;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeKnowledgeBasePlatformTest extends KnowledgeBasePlatformContract {

    private final FakeKnowledgeBasePlatform platform = new FakeKnowledgeBasePlatform();

    @Override
    protected KnowledgeBasePlatform platform() {
        return platform;
    }

    @Test
    void sizes_are_a_texts_utf8_bytes_a_files_bytes_and_nothing_for_urls() {
        KnowledgeContent.Text text = new KnowledgeContent.Text("é".repeat(50));
        byte[] bytes = "plain text file contents".getBytes(StandardCharsets.UTF_8);

        PlatformKnowledgeItem t = platform.createItem("t", text, null);
        PlatformKnowledgeItem f = platform.createItem("f", KnowledgeContent.File.checked("a.txt", bytes, 100), bytes);
        PlatformKnowledgeItem u = platform.createItem("u",
                new KnowledgeContent.Urls(List.of(URI.create("https://example.com"))), null);

        assertThat(t.sizeBytes()).contains(100L);
        assertThat(f.sizeBytes()).contains((long) bytes.length);
        assertThat(u.sizeBytes()).contains(0L);
        assertThat(List.of(t.status(), f.status(), u.status())).containsOnly(KnowledgeStatus.PENDING);
    }

    @Test
    void a_told_failure_is_thrown_once_and_has_no_effect() {
        PlatformException down = new PlatformException(PlatformFailure.UNAVAILABLE, "10503", "down");
        platform.failNext(down);

        assertThatThrownBy(() -> platform.createItem("x", text("fails"), null)).isSameAs(down);
        assertThat(platform.size()).isZero();

        platform.createItem("x", text("works"), null);
        assertThat(platform.size()).isEqualTo(1);
        assertThat(platform.calls()).containsExactly("create", "create");
        assertThat(platform.callCount()).isEqualTo(2);
    }

    @Test
    void finished_processing_is_what_it_reports_next() {
        PlatformKnowledgeItem created = platform.createItem("x", text("to process"), null);

        platform.finishProcessing(created.id(), KnowledgeStatus.FAILED, "unreadable", 4_096);

        PlatformKnowledgeItem read = platform.getItem(created.id());
        assertThat(read.status()).isEqualTo(KnowledgeStatus.FAILED);
        assertThat(read.failureReason()).contains("unreadable");
        assertThat(read.sizeBytes()).contains(4_096L);
    }

    @Test
    void an_update_with_text_is_processed_again_and_a_rename_alone_is_not() {
        PlatformKnowledgeItem created = platform.createItem("before", text("old"), null);
        platform.finishProcessing(created.id(), KnowledgeStatus.COMPLETED, null, 500);

        assertThat(platform.updateItem(created.id(), "renamed", null).status()).isEqualTo(KnowledgeStatus.COMPLETED);
        assertThat(platform.stored(created.id()).orElseThrow().name()).isEqualTo("renamed");

        KnowledgeContent.Text next = text("new");
        assertThat(platform.updateItem(created.id(), "rewritten", next).status()).isEqualTo(KnowledgeStatus.PENDING);
        assertThat(platform.stored(created.id()).orElseThrow().text()).isEqualTo(next.text());
    }

    @Test
    void urls_added_are_kept_after_the_first_ones_and_only_a_url_item_takes_them() {
        PlatformKnowledgeItem urls = platform.createItem("u",
                new KnowledgeContent.Urls(List.of(URI.create("https://example.com/1"))), null);
        PlatformKnowledgeItem notUrls = platform.createItem("t", text("not urls"), null);

        platform.addUrls(urls.id(), List.of(URI.create("https://example.com/2")));

        assertThat(platform.stored(urls.id()).orElseThrow().urls())
                .containsExactly(URI.create("https://example.com/1"), URI.create("https://example.com/2"));
        assertThatThrownBy(() -> platform.addUrls(notUrls.id(), List.of(URI.create("https://example.com/3"))))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformFailure.VALIDATION));
    }

    @Test
    void an_action_told_to_run_before_the_next_call_runs_once() {
        int[] runs = {0};
        platform.beforeNext(() -> runs[0]++);

        platform.createItem("a", text("first"), null);
        platform.createItem("b", text("second"), null);

        assertThat(runs[0]).isEqualTo(1);
    }
}
