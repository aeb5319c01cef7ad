package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnowledgeItemTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final TeamId TEAM = TeamId.newId();
    private static final KnowledgeContent.Text TEXT = new KnowledgeContent.Text("t".repeat(100));

    private static KnowledgeItem reserved() {
        return KnowledgeItem.reserved(KnowledgeItemId.newId(), TEAM, "Policies", TEXT, T0);
    }

    private static PlatformKnowledgeItem reported(KnowledgeStatus status, String reason, Long size, Boolean active) {
        return new PlatformKnowledgeItem("h-1", status, Optional.ofNullable(reason), Optional.ofNullable(size),
                Optional.ofNullable(active));
    }

    private static KnowledgeItem item(KnowledgeStatus status, String reason) {
        return new KnowledgeItem(KnowledgeItemId.newId(), TEAM, "h-1", "n", TEXT, 100, status, reason, true, T0, T0, 1);
    }

    @Test
    void a_reserved_item_is_pending_active_version_one_without_a_hamsa_id_and_counts_its_content() {
        KnowledgeItem item = reserved();

        assertThat(item.hamsaId()).isEmpty();
        assertThat(item.status()).isEqualTo(KnowledgeStatus.PENDING);
        assertThat(item.active()).isTrue();
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.sizeBytes()).isEqualTo(100);
        assertThat(item.type()).isEqualTo(KnowledgeType.TEXT);
        assertThat(item.createdAt()).isEqualTo(T0);
        assertThat(item.updatedAt()).isEqualTo(T0);
    }

    @Test
    void what_hamsa_reported_is_the_next_version() {
        KnowledgeItem next = reserved().withPlatform(reported(KnowledgeStatus.PROCESSING, null, null, false),
                T0.plusSeconds(3));

        assertThat(next.hamsaId()).contains("h-1");
        assertThat(next.status()).isEqualTo(KnowledgeStatus.PROCESSING);
        assertThat(next.active()).isFalse();
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(next.createdAt()).isEqualTo(T0);
        assertThat(next.sizeBytes()).isEqualTo(100);
    }

    @Test
    void a_larger_size_hamsa_reports_is_taken() {
        assertThat(reserved().withPlatform(reported(KnowledgeStatus.COMPLETED, null, 4_096L, null), T0).sizeBytes())
                .isEqualTo(4_096);
    }

    @Test
    void a_smaller_size_hamsa_reports_does_not_shrink_below_the_content() {
        assertThat(reserved().withPlatform(reported(KnowledgeStatus.COMPLETED, null, 10L, null), T0).sizeBytes())
                .isEqualTo(100);
    }

    @Test
    void a_url_item_counts_what_hamsa_reports_once_it_fetched_the_pages() {
        KnowledgeItem urls = KnowledgeItem.reserved(KnowledgeItemId.newId(), TEAM, "Docs",
                new KnowledgeContent.Urls(List.of(URI.create("https://example.com"))), T0);

        assertThat(urls.sizeBytes()).isZero();
        assertThat(urls.withPlatform(reported(KnowledgeStatus.COMPLETED, null, 12_345L, null), T0).sizeBytes())
                .isEqualTo(12_345);
    }

    @Test
    void no_reported_activity_keeps_the_items_own() {
        assertThat(reserved().withPlatform(reported(KnowledgeStatus.PENDING, null, null, null), T0).active()).isTrue();
    }

    @Test
    void failed_without_a_reason_gets_one() {
        KnowledgeItem failed = reserved().withPlatform(reported(KnowledgeStatus.FAILED, null, null, null), T0);

        assertThat(failed.failureReason()).isEqualTo("Hamsa gave no reason");
    }

    @Test
    void failed_with_a_reason_keeps_hamsas() {
        KnowledgeItem failed = reserved().withPlatform(reported(KnowledgeStatus.FAILED, "unreadable PDF", null, null), T0);

        assertThat(failed.failureReason()).isEqualTo("unreadable PDF");
    }

    @Test
    void a_failure_reason_is_dropped_unless_the_item_failed() {
        assertThat(item(KnowledgeStatus.COMPLETED, "stale reason").failureReason()).isNull();
        assertThat(item(KnowledgeStatus.PENDING, "stale reason").failureReason()).isNull();
        assertThat(item(KnowledgeStatus.FAILED, "kept").failureReason()).isEqualTo("kept");
        assertThat(reserved().withPlatform(reported(KnowledgeStatus.COMPLETED, "ignored", null, null), T0)
                .failureReason()).isNull();
    }

    @Test
    void a_failed_item_that_hamsa_processes_again_loses_its_reason() {
        KnowledgeItem failed = item(KnowledgeStatus.FAILED, "unreadable");

        assertThat(failed.withPlatform(reported(KnowledgeStatus.PROCESSING, null, null, null), T0).failureReason())
                .isNull();
    }

    @Test
    void failed_marks_the_next_version_with_the_reason() {
        KnowledgeItem failed = reserved().failed("gone", T0.plusSeconds(1));

        assertThat(failed.status()).isEqualTo(KnowledgeStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("gone");
        assertThat(failed.version()).isEqualTo(2);
        assertThat(failed.sizeBytes()).isEqualTo(100);
    }

    @Test
    void new_text_is_the_next_version_counting_its_bytes() {
        KnowledgeContent.Text longer = new KnowledgeContent.Text("u".repeat(300));

        KnowledgeItem next = reserved().withContent("Renamed", longer, T0.plusSeconds(1));

        assertThat(next.name()).isEqualTo("Renamed");
        assertThat(next.content()).isEqualTo(longer);
        assertThat(next.sizeBytes()).isEqualTo(300);
        assertThat(next.version()).isEqualTo(2);
    }

    @Test
    void new_urls_keep_the_size_hamsa_reported_for_the_pages() {
        KnowledgeItem urls = KnowledgeItem.reserved(KnowledgeItemId.newId(), TEAM, "Docs",
                new KnowledgeContent.Urls(List.of(URI.create("https://example.com/a"))), T0)
                .withPlatform(reported(KnowledgeStatus.COMPLETED, null, 5_000L, null), T0);

        KnowledgeItem more = urls.withContent("Docs", ((KnowledgeContent.Urls) urls.content())
                .plus(List.of(URI.create("https://example.com/b"))), T0);

        assertThat(more.sizeBytes()).isEqualTo(5_000);
    }

    @Test
    void reverted_holds_the_previous_name_content_and_size_again_as_the_next_version() {
        KnowledgeItem current = reserved().withPlatform(reported(KnowledgeStatus.COMPLETED, null, null, null), T0);
        KnowledgeItem changed = current.withContent("New", new KnowledgeContent.Text("n".repeat(200)), T0.plusSeconds(1));

        KnowledgeItem reverted = changed.revertedTo(current, T0.plusSeconds(2));

        assertThat(reverted.name()).isEqualTo(current.name());
        assertThat(reverted.content()).isEqualTo(current.content());
        assertThat(reverted.sizeBytes()).isEqualTo(current.sizeBytes());
        assertThat(reverted.hamsaId()).isEqualTo(current.hamsaId());
        assertThat(reverted.status()).isEqualTo(KnowledgeStatus.COMPLETED);
        assertThat(reverted.version()).isEqualTo(changed.version() + 1);
        assertThat(reverted.updatedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void a_clock_that_went_back_does_not_move_the_update_time_back() {
        KnowledgeItem item = reserved().failed("x", T0.plusSeconds(10));

        assertThat(item.failed("y", T0).updatedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void a_report_that_says_nothing_new_does_not_differ() {
        KnowledgeItem item = reserved().withPlatform(reported(KnowledgeStatus.PROCESSING, null, 100L, true), T0);

        assertThat(item.differsFrom(reported(KnowledgeStatus.PROCESSING, null, 100L, true))).isFalse();
        assertThat(item.differsFrom(reported(KnowledgeStatus.PROCESSING, null, null, null))).isFalse();
        assertThat(item.differsFrom(reported(KnowledgeStatus.COMPLETED, null, null, null))).isTrue();
        assertThat(item.differsFrom(reported(KnowledgeStatus.PROCESSING, null, 101L, null))).isTrue();
        assertThat(item.differsFrom(reported(KnowledgeStatus.PROCESSING, null, null, false))).isTrue();
    }

    @Test
    void a_name_must_be_1_to_255_characters() {
        KnowledgeItem.checkName("n".repeat(255));

        assertThatThrownBy(() -> KnowledgeItem.checkName(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KnowledgeItem.checkName(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KnowledgeItem.checkName("n".repeat(256))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_negative_size_or_a_version_below_one_is_a_bug() {
        assertThatThrownBy(() -> new KnowledgeItem(KnowledgeItemId.newId(), TEAM, null, "n", TEXT, -1,
                KnowledgeStatus.PENDING, null, true, T0, T0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KnowledgeItem(KnowledgeItemId.newId(), TEAM, null, "n", TEXT, 1,
                KnowledgeStatus.PENDING, null, true, T0, T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
