package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeStatusTest {

    @ParameterizedTest
    @CsvSource({"PENDING,PENDING", "queued,PENDING", "Created,PENDING",
            "COMPLETED,COMPLETED", "complete,COMPLETED", "done,COMPLETED", "READY,COMPLETED", "success,COMPLETED",
            "processed,COMPLETED",
            "FAILED,FAILED", "failure,FAILED", "Error,FAILED",
            "PROCESSING,PROCESSING", "indexing,PROCESSING", "EMBEDDING,PROCESSING"})
    void hamsas_words_are_read_whatever_their_case(String text, KnowledgeStatus status) {
        assertThat(KnowledgeStatus.fromPlatform(text)).isEqualTo(status);
    }

    @Test
    void surrounding_spaces_do_not_matter() {
        assertThat(KnowledgeStatus.fromPlatform("  completed \n")).isEqualTo(KnowledgeStatus.COMPLETED);
    }

    @Test
    void no_status_reads_as_pending() {
        assertThat(KnowledgeStatus.fromPlatform(null)).isEqualTo(KnowledgeStatus.PENDING);
        assertThat(KnowledgeStatus.fromPlatform(" ")).isEqualTo(KnowledgeStatus.PENDING);
    }

    @Test
    void a_word_hamsa_might_add_later_reads_as_still_processing_not_as_an_error() {
        assertThat(KnowledgeStatus.fromPlatform("RE_CRAWLING")).isEqualTo(KnowledgeStatus.PROCESSING);
    }

    @Test
    void only_pending_and_processing_are_still_settling() {
        assertThat(KnowledgeStatus.PENDING.settling()).isTrue();
        assertThat(KnowledgeStatus.PROCESSING.settling()).isTrue();
        assertThat(KnowledgeStatus.COMPLETED.settling()).isFalse();
        assertThat(KnowledgeStatus.FAILED.settling()).isFalse();
    }
}
