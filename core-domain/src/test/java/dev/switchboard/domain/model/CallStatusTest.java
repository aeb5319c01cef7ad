package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallStatusTest {

    private static final Set<CallStatus> FINAL =
            EnumSet.of(CallStatus.COMPLETED, CallStatus.NO_ANSWER, CallStatus.FAILED, CallStatus.CANCELLED);
    private static final List<CallStatus> PROGRESS =
            List.of(CallStatus.QUEUED, CallStatus.DISPATCHED, CallStatus.STARTED, CallStatus.ANSWERED);

    @Test
    void exactly_the_four_end_statuses_are_final() {
        assertThat(Arrays.stream(CallStatus.values()).filter(CallStatus::isFinal)).containsExactlyInAnyOrderElementsOf(FINAL);
    }

    @Test
    void a_call_in_progress_moves_only_forward() {
        for (int from = 0; from < PROGRESS.size(); from++) {
            for (int to = 0; to < PROGRESS.size(); to++) {
                CallStatus a = PROGRESS.get(from);
                CallStatus b = PROGRESS.get(to);
                assertThat(a.canMoveTo(b)).as("%s -> %s", a, b).isEqualTo(to > from);
                assertThat(a.advancedTo(b)).as("%s advanced to %s", a, b).isEqualTo(to > from ? b : a);
            }
            for (CallStatus end : FINAL) {
                assertThat(PROGRESS.get(from).canMoveTo(end)).as("%s -> %s", PROGRESS.get(from), end).isTrue();
                assertThat(PROGRESS.get(from).advancedTo(end)).isEqualTo(end);
            }
        }
    }

    @Test
    void nothing_moves_a_call_out_of_a_final_status() {
        for (CallStatus end : FINAL) {
            for (CallStatus next : CallStatus.values()) {
                assertThat(end.canMoveTo(next)).as("%s -> %s", end, next).isFalse();
                assertThat(end.advancedTo(next)).as("%s advanced to %s", end, next).isEqualTo(end);
            }
        }
    }

    @Test
    void a_status_never_moves_to_itself() {
        for (CallStatus s : CallStatus.values()) {
            assertThat(s.canMoveTo(s)).as("%s", s).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "PENDING, DISPATCHED",
            "IN_PROGRESS, STARTED",
            "COMPLETED, COMPLETED",
            "NO_ANSWER, NO_ANSWER",
            "FAILED, FAILED",
            "FORWARDED, COMPLETED",
            "TERMINATED, FAILED",
            "completed, COMPLETED",
            "' in_progress ', STARTED",
    })
    void hamsa_statuses_map_onto_switchboards(String hamsa, CallStatus expected) {
        assertThat(CallStatus.fromHamsa(hamsa)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"RINGING", "SOMETHING_NEW", "COMPLETE", "CANCELLED"})
    void unknown_or_missing_hamsa_statuses_map_to_nothing(String hamsa) {
        assertThat(CallStatus.fromHamsa(hamsa)).isEqualTo(Optional.empty());
    }

    @Test
    void parse_reads_a_clients_filter_value_in_any_case() {
        assertThat(CallStatus.parse("status", "no_answer")).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(CallStatus.parse("status", " Completed ")).isEqualTo(CallStatus.COMPLETED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"DONE", "IN_PROGRESS", "queued!"})
    void parse_names_the_field_for_a_value_that_is_not_a_status(String text) {
        assertThatThrownBy(() -> CallStatus.parse("filter.status", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("filter.status");
                    assertThat(e.violations().get(0).message()).contains("QUEUED", "CANCELLED");
                });
    }
}
