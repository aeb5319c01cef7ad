package dev.switchboard.domain.model;

import static dev.switchboard.domain.fake.CallFixtures.CONVERSATION;
import static dev.switchboard.domain.fake.CallFixtures.HAMSA_CALL;
import static dev.switchboard.domain.fake.CallFixtures.RECORDING;
import static dev.switchboard.domain.fake.CallFixtures.TURNS;
import static dev.switchboard.domain.fake.CallFixtures.endedPayload;
import static dev.switchboard.domain.fake.CallFixtures.event;
import static dev.switchboard.domain.fake.CallFixtures.outcomeResult;
import static dev.switchboard.domain.fake.CallFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.CallFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallTest {

    private static final Instant T0 = Instant.parse("2024-01-15T14:30:00Z");
    private static final TeamId TEAM = TeamId.newId();

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A call Hamsa accepted a second after it was queued. */
    private static Call dispatchedCall() {
        return CallFixtures.queued(TEAM, T0).dispatched(HAMSA_CALL, at(1));
    }

    private static Call applyAll(Call call, List<HamsaEvent> events) {
        Call current = call;
        for (HamsaEvent e : events) {
            current = current.apply(e, at(100)).call();
        }
        return current;
    }

    private static Call.Applied applyOne(Call call, HamsaEvent event) {
        return call.apply(event, at(100));
    }

    /** The guide's call: started, answered, four updates, one tool, then ended with everything. */
    private static List<HamsaEvent> lifecycle(CallId id, boolean endedWithTranscription) {
        List<HamsaEvent> events = new ArrayList<>();
        events.add(event(HamsaEvent.CALL_STARTED, at(10), Map.of()));
        events.add(event(HamsaEvent.CALL_ANSWERED, at(15), Map.of()));
        for (int i = 0; i < TURNS.size(); i++) {
            events.add(event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20 + i), update(TURNS.get(i).get(0), TURNS.get(i).get(1), i)));
        }
        events.add(event(HamsaEvent.TOOL_EXECUTED, at(25), Map.of("toolName", "lookup_order", "result", Map.of("found", true))));
        Map<String, Object> ended = endedPayload(id);
        if (!endedWithTranscription) {
            ended.remove("transcription");
        }
        events.add(event(HamsaEvent.CALL_ENDED, at(60), ended));
        return events;
    }

    private static List<List<String>> lines(Call call) {
        return call.transcript().stream().map(l -> List.of(l.speaker(), l.text())).toList();
    }

    private static List<String> events(Call call) {
        return call.timeline().stream().map(TimelineEntry::event).toList();
    }

    @Nested
    class Lifecycle {

        @Test
        void the_guides_call_ends_completed_with_everything_hamsa_sent() {
            Call call = dispatchedCall();

            Call ended = applyAll(call, lifecycle(call.id(), true));

            assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(lines(ended)).containsExactlyElementsOf(TURNS);
            assertThat(ended.transcript()).extracting(TranscriptLine::index).containsExactly(0, 1, 2, 3);
            assertThat(ended.outcome()).isEqualTo(outcomeResult()).doesNotContainKey(Call.CORRELATION_PARAM);
            assertThat(ended.recordingUrl()).isEqualTo(RECORDING);
            assertThat(ended.hamsaConversationId()).isEqualTo(CONVERSATION);
            assertThat(ended.durationSeconds()).isEqualTo(45);
            assertThat(ended.endedAt()).isEqualTo(at(60));
            assertThat(ended.failureReason()).isNull();
            assertThat(ended.hamsaCallId()).isEqualTo(HAMSA_CALL);
            assertThat(ended.transcriptIsFinal()).isTrue();
            assertThat(events(ended)).as("transcript updates are the transcript, not timeline entries")
                    .containsExactly("queued", "dispatched", "call.started", "call.answered", "tool.executed", "call.ended");
            assertThat(ended.timeline()).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at));
            assertThat(ended.version()).isEqualTo(call.version() + 8);
        }

        @Test
        void each_step_moves_the_status_forward_and_applying_warns_of_nothing_missing() {
            Call call = dispatchedCall();
            List<CallStatus> seen = new ArrayList<>();
            for (HamsaEvent e : lifecycle(call.id(), true)) {
                Call.Applied applied = applyOne(call, e);
                assertThat(applied.warnings()).as(e.type()).isEmpty();
                call = applied.call();
                seen.add(call.status());
            }
            assertThat(seen).containsExactly(CallStatus.STARTED, CallStatus.ANSWERED, CallStatus.ANSWERED,
                    CallStatus.ANSWERED, CallStatus.ANSWERED, CallStatus.ANSWERED, CallStatus.ANSWERED,
                    CallStatus.COMPLETED);
        }

        @Test
        void the_timeline_keeps_what_is_worth_showing_of_each_event() {
            Call ended = applyAll(dispatchedCall(), lifecycle(dispatchedCall().id(), true));

            Map<String, Map<String, Object>> detail = ended.timeline().stream()
                    .collect(Collectors.toMap(TimelineEntry::event, TimelineEntry::detail, (a, b) -> a));
            assertThat(detail.get("dispatched")).containsEntry("hamsaCallId", HAMSA_CALL);
            assertThat(detail).doesNotContainKey("transcription.update");
            assertThat(detail.get("tool.executed")).containsEntry("toolName", "lookup_order");
            assertThat(detail.get("call.ended")).containsEntry("status", "COMPLETED").containsEntry("fullTranscript", true)
                    .doesNotContainKey("source");
        }

        @Test
        void the_transcript_built_from_updates_is_kept_when_the_end_brings_none() {
            Call call = dispatchedCall();

            Call.Applied last = null;
            Call current = call;
            for (HamsaEvent e : lifecycle(call.id(), false)) {
                last = applyOne(current, e);
                current = last.call();
            }

            assertThat(current.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(lines(current)).containsExactlyElementsOf(TURNS);
            assertThat(current.transcript()).extracting(TranscriptLine::at).containsExactly(at(20), at(21), at(22), at(23));
            assertThat(current.transcriptIsFinal()).isFalse();
            assertThat(last.warnings()).singleElement().asString().contains("without transcription");
        }

        @Test
        void events_that_arrive_before_hamsas_answer_to_the_dispatch_name_the_hamsa_call() {
            Call queued = CallFixtures.queued(TEAM, T0);

            Call started = applyOne(queued, event(HamsaEvent.CALL_STARTED, at(10), Map.of())).call();

            assertThat(started.hamsaCallId()).isEqualTo(HAMSA_CALL);
            assertThat(started.status()).isEqualTo(CallStatus.STARTED);
            Call dispatched = started.dispatched(HAMSA_CALL, at(11));
            assertThat(dispatched.status()).as("the dispatch does not move it back").isEqualTo(CallStatus.STARTED);
            assertThat(dispatched.dispatchedAt()).isEqualTo(at(11));
        }

        @Test
        void updated_at_never_moves_back_and_every_change_is_a_new_version() {
            Call call = dispatchedCall();

            Call next = call.apply(event(HamsaEvent.CALL_STARTED, at(10), Map.of()), T0.minusSeconds(60)).call();

            assertThat(next.updatedAt()).isEqualTo(call.updatedAt());
            assertThat(next.version()).isEqualTo(call.version() + 1);
            assertThat(next.createdAt()).isEqualTo(call.createdAt());
        }
    }

    @Nested
    class OrderInsensitivity {

        private static final int RUNS = 200;

        @Test
        void any_order_with_any_repeats_ends_in_the_same_call_as_the_order_hamsa_sent_it_in() {
            checkPermutations(true, new Random(20240115L));
        }

        @Test
        void any_order_with_any_repeats_ends_in_the_same_call_when_the_end_brings_no_transcript() {
            checkPermutations(false, new Random(42L));
        }

        private void checkPermutations(boolean endedWithTranscription, Random random) {
            Call call = dispatchedCall();
            List<HamsaEvent> inOrder = lifecycle(call.id(), endedWithTranscription);
            Call expected = applyAll(call, inOrder);

            for (int run = 0; run < RUNS; run++) {
                List<HamsaEvent> shuffled = new ArrayList<>();
                for (HamsaEvent e : inOrder) {
                    int times = 1 + random.nextInt(5);
                    for (int i = 0; i < times; i++) {
                        shuffled.add(e);
                    }
                }
                Collections.shuffle(shuffled, random);

                Call actual = applyAll(call, shuffled);

                String order = shuffled.stream().map(e -> e.type() + "@" + e.occurredAt().getEpochSecond() % 100)
                        .collect(Collectors.joining(", "));
                assertThat(actual.status()).as("status after %s", order).isEqualTo(expected.status());
                assertThat(actual.transcript()).as("transcript after %s", order).isEqualTo(expected.transcript());
                assertThat(actual.outcome()).as("outcome after %s", order).isEqualTo(expected.outcome());
                assertThat(actual.recordingUrl()).as("recording after %s", order).isEqualTo(expected.recordingUrl());
                assertThat(actual.durationSeconds()).as("duration after %s", order).isEqualTo(expected.durationSeconds());
                assertThat(actual.endedAt()).as("endedAt after %s", order).isEqualTo(expected.endedAt());
                assertThat(actual.hamsaConversationId()).as("conversation after %s", order)
                        .isEqualTo(expected.hamsaConversationId());
                assertThat(actual.transcriptIsFinal()).isEqualTo(expected.transcriptIsFinal());
                assertThat(new TreeSet<>(events(actual))).as("timeline after %s", order)
                        .isEqualTo(new TreeSet<>(events(expected)));
                assertThat(actual.timeline()).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at));
                long updates = shuffled.stream().filter(e -> e.type().equals(HamsaEvent.TRANSCRIPTION_UPDATE)).count();
                assertThat(actual.timeline()).as("repeats are kept on the timeline (the inbox dedups them); updates are not")
                        .hasSize(2 + shuffled.size() - (int) updates);
            }
        }
    }

    @Nested
    class LateAndRepeatedEvents {

        @Test
        void a_late_start_or_answer_after_the_end_never_moves_the_status_back() {
            Call ended = applyAll(dispatchedCall(), List.of(event(HamsaEvent.CALL_ENDED, at(60), endedPayload(CallId.newId()))));

            Call late = applyAll(ended, List.of(event(HamsaEvent.CALL_STARTED, at(10), Map.of()),
                    event(HamsaEvent.CALL_ANSWERED, at(15), Map.of())));

            assertThat(late.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(late.endedAt()).isEqualTo(at(60));
            assertThat(events(late)).containsExactly("queued", "dispatched", "call.started", "call.answered", "call.ended");
        }

        @Test
        void an_end_with_an_empty_transcription_keeps_the_transcript_built_from_updates() {
            List<HamsaEvent> events = new ArrayList<>(lifecycle(CallId.newId(), true));
            HamsaEvent ended = events.remove(events.size() - 1);
            Map<String, Object> empty = new LinkedHashMap<>(ended.payload());
            empty.put("transcription", List.of());
            events.add(event(HamsaEvent.CALL_ENDED, at(60), empty));

            Call.Applied last = applyOne(applyAll(dispatchedCall(), events.subList(0, events.size() - 1)),
                    events.get(events.size() - 1));

            assertThat(lines(last.call())).hasSize(TURNS.size());
            assertThat(last.warnings()).anyMatch(w -> w.contains("empty transcription"));
            assertThat(last.call().status()).isEqualTo(CallStatus.COMPLETED);
        }

        @Test
        void a_second_end_with_another_status_changes_nothing_but_the_timeline() {
            Call call = dispatchedCall();
            Call ended = applyAll(call, List.of(event(HamsaEvent.CALL_ENDED, at(60), endedPayload(call.id()))));
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("status", "FAILED");
            failed.put("failureReason", "line dropped");
            failed.put("conversationRecording", "https://elsewhere.example/other.mp3");
            failed.put("transcription", List.of(Map.of("User", "something else")));
            failed.put("outcomeResult", Map.of("resolved", false));
            failed.put("callDuration", 3);
            failed.put("conversationId", "conv-other");

            Call again = applyOne(ended, event(HamsaEvent.CALL_ENDED, at(90), failed)).call();

            assertThat(again.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(again.failureReason()).isNull();
            assertThat(again.recordingUrl()).isEqualTo(RECORDING);
            assertThat(again.transcript()).isEqualTo(ended.transcript());
            assertThat(again.outcome()).isEqualTo(ended.outcome());
            assertThat(again.durationSeconds()).isEqualTo(45);
            assertThat(again.endedAt()).isEqualTo(at(60));
            assertThat(again.hamsaConversationId()).isEqualTo(CONVERSATION);
            assertThat(again.timeline().get(again.timeline().size() - 1).detail()).containsEntry("status", "FAILED");
        }

        @Test
        void a_reconcilers_end_after_the_webhooks_end_changes_nothing_and_is_marked_as_the_reconcilers() {
            Call call = dispatchedCall();
            Call ended = applyAll(call, List.of(event(HamsaEvent.CALL_ENDED, at(60), endedPayload(call.id()))));
            HamsaEvent reconciled = new HamsaEvent(HamsaEvent.CALL_ENDED, HAMSA_CALL, at(600), null, null,
                    Map.of("status", "NO_ANSWER"), HamsaEvent.SOURCE_RECONCILER);

            Call again = applyOne(ended, reconciled).call();

            assertThat(again.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(again.timeline().get(again.timeline().size() - 1).detail())
                    .containsEntry("source", HamsaEvent.SOURCE_RECONCILER);
        }

        @Test
        void updates_without_an_index_are_ordered_by_time_whatever_order_they_arrive_in() {
            Call call = applyAll(dispatchedCall(), List.of(
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(32), update("Agent", "third", null)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(30), update("Agent", "first", null)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(31), update("User", "second", null)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(30), update("Agent", "first", null))));

            assertThat(lines(call)).containsExactly(List.of("Agent", "first"), List.of("User", "second"),
                    List.of("Agent", "third"));
            assertThat(call.transcript()).extracting(TranscriptLine::index).containsOnlyNulls();
        }

        @Test
        void updates_with_an_index_come_before_those_without_and_one_index_is_held_once() {
            Call call = applyAll(dispatchedCall(), List.of(
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(10), update("User", "no index", null)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(30), update("Agent", "one", 1)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20), update("Agent", "zero", 0)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(40), update("Agent", "one, again", 1))));

            assertThat(lines(call)).containsExactly(List.of("Agent", "zero"), List.of("Agent", "one"),
                    List.of("User", "no index"));
        }

        @Test
        void updates_after_an_end_that_brought_the_whole_transcript_are_ignored() {
            Call call = dispatchedCall();
            Call ended = applyAll(call, List.of(event(HamsaEvent.CALL_ENDED, at(60), endedPayload(call.id()))));

            Call late = applyAll(ended, List.of(
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(70), update("Agent", "late", 9)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(71), update("User", "later", null))));

            assertThat(late.transcript()).isEqualTo(ended.transcript());
            assertThat(events(late)).isEqualTo(events(ended));
        }

        @Test
        void updates_after_an_end_without_transcription_are_kept() {
            Call call = dispatchedCall();
            Map<String, Object> noTranscript = endedPayload(call.id());
            noTranscript.remove("transcription");
            Call ended = applyAll(call, List.of(
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20), update("Agent", "hello", 0)),
                    event(HamsaEvent.CALL_ENDED, at(60), noTranscript)));

            Call late = applyAll(ended, List.of(event(HamsaEvent.TRANSCRIPTION_UPDATE, at(21), update("User", "hi", 1))));

            assertThat(lines(late)).containsExactly(List.of("Agent", "hello"), List.of("User", "hi"));
            assertThat(late.status()).isEqualTo(CallStatus.COMPLETED);
        }

        @Test
        void the_ends_whole_transcript_replaces_the_one_built_from_updates() {
            Call call = applyAll(dispatchedCall(), List.of(
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20), update("Agent", "a partial turn", 0)),
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(21), update("User", "only heard live", 7))));

            Call ended = applyOne(call, event(HamsaEvent.CALL_ENDED, at(60), endedPayload(call.id()))).call();

            assertThat(lines(ended)).containsExactlyElementsOf(TURNS);
        }
    }

    @Nested
    class PartialPayloads {

        private static Call.Applied end(Map<String, Object> payload) {
            return applyOne(dispatchedCall(), event(HamsaEvent.CALL_ENDED, at(60), payload));
        }

        @Test
        void an_end_with_no_data_at_all_is_completed_with_warnings() {
            Call.Applied applied = end(Map.of());

            assertThat(applied.call().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(applied.call().endedAt()).isEqualTo(at(60));
            assertThat(applied.call().outcome()).isNull();
            assertThat(applied.call().recordingUrl()).isNull();
            assertThat(applied.call().transcript()).isEmpty();
            assertThat(applied.call().durationSeconds()).isNull();
            assertThat(applied.warnings()).hasSize(3).anySatisfy(w -> assertThat(w).contains("transcription"))
                    .anySatisfy(w -> assertThat(w).contains("conversationRecording"))
                    .anySatisfy(w -> assertThat(w).contains("outcomeResult"));
        }

        @Test
        void an_end_read_from_an_envelope_without_data_is_completed_too() {
            HamsaEvent bare = HamsaEvent.fromEnvelope(Map.of("eventType", "call.ended", "timestamp", "2024-01-15T14:31:00Z"),
                    HamsaEvent.SOURCE_WEBHOOK);

            Call.Applied applied = applyOne(dispatchedCall(), bare);

            assertThat(applied.call().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(applied.warnings()).isNotEmpty();
        }

        @Test
        void fields_sent_as_null_are_taken_as_missing() {
            Map<String, Object> nulls = new LinkedHashMap<>();
            for (String f : List.of("status", "conversationId", "conversationRecording", "transcription",
                    "outcomeResult", "callDuration", "failureReason")) {
                nulls.put(f, null);
            }

            Call.Applied applied = end(nulls);

            assertThat(applied.call().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(applied.call().outcome()).isNull();
            assertThat(applied.warnings()).hasSize(3);
        }

        @Test
        void a_transcription_that_is_not_a_list_is_ignored_and_the_updates_kept() {
            Call call = applyAll(dispatchedCall(), List.of(
                    event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20), update("Agent", "hello", 0))));
            Map<String, Object> payload = endedPayload(call.id());
            payload.put("transcription", "Agent: hello");

            Call.Applied applied = applyOne(call, event(HamsaEvent.CALL_ENDED, at(60), payload));

            assertThat(applied.call().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(lines(applied.call())).containsExactly(List.of("Agent", "hello"));
            assertThat(applied.call().transcriptIsFinal()).isFalse();
            assertThat(applied.warnings()).anySatisfy(w -> assertThat(w).contains("not a list"));
        }

        @Test
        void an_outcome_result_that_is_not_an_object_leaves_the_outcome_empty() {
            Map<String, Object> payload = endedPayload(CallId.newId());
            payload.put("outcomeResult", List.of("resolved"));

            Call.Applied applied = end(payload);

            assertThat(applied.call().outcome()).isNull();
            assertThat(applied.call().recordingUrl()).isEqualTo(RECORDING);
            assertThat(applied.warnings()).singleElement().asString().contains("outcomeResult", "not an object");
        }

        @Test
        void an_empty_outcome_result_is_an_empty_outcome() {
            Map<String, Object> payload = endedPayload(CallId.newId());
            payload.put("outcomeResult", Map.of());

            assertThat(end(payload).call().outcome()).isEmpty();
        }

        @Test
        void transcript_turns_of_odd_shapes_are_skipped_and_counted() {
            Map<String, Object> payload = endedPayload(CallId.newId());
            Map<String, Object> twoKeys = new LinkedHashMap<>();
            twoKeys.put("Agent", "a");
            twoKeys.put("User", "b");
            payload.put("transcription", Arrays.asList(
                    Map.of("Agent", "Hello!"),
                    Map.of("speaker", "User", "text", "Hi."),
                    Map.of("text", "who said this?"),
                    twoKeys,
                    Map.of("Agent", 42),
                    "just a string",
                    null,
                    List.of("a", "list"),
                    Map.of("User", "Bye.")));

            Call.Applied applied = end(payload);

            assertThat(lines(applied.call())).containsExactly(List.of("Agent", "Hello!"), List.of("User", "Hi."),
                    List.of("Unknown", "who said this?"), List.of("User", "Bye."));
            assertThat(applied.call().transcript()).extracting(TranscriptLine::index).containsExactly(0, 1, 2, 3);
            assertThat(applied.warnings()).singleElement().asString().startsWith("5 transcription turn(s)");
        }

        @Test
        void no_answer_ends_the_call_without_asking_for_a_transcript() {
            Call.Applied applied = end(Map.of("status", "NO_ANSWER"));

            assertThat(applied.call().status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(applied.call().failureReason()).isNull();
            assertThat(applied.warnings()).noneSatisfy(w -> assertThat(w).contains("transcription"))
                    .noneSatisfy(w -> assertThat(w).contains("conversationRecording"));
        }

        @Test
        void failed_keeps_hamsas_failure_reason() {
            Call.Applied applied = end(Map.of("status", "FAILED", "failureReason", "Carrier rejected the number"));

            assertThat(applied.call().status()).isEqualTo(CallStatus.FAILED);
            assertThat(applied.call().failureReason()).isEqualTo("Carrier rejected the number");
            assertThat(applied.call().endedAt()).isEqualTo(at(60));
        }

        @Test
        void failed_without_a_reason_names_hamsas_status() {
            assertThat(end(Map.of("status", "TERMINATED")).call())
                    .satisfies(c -> assertThat(c.status()).isEqualTo(CallStatus.FAILED))
                    .satisfies(c -> assertThat(c.failureReason()).isEqualTo("Hamsa reported TERMINATED"));
            assertThat(end(Map.of("status", "FAILED", "reason", "busy line")).call().failureReason()).isEqualTo("busy line");
        }

        @Test
        void an_end_whose_status_is_unknown_or_not_final_is_taken_as_completed() {
            for (String status : List.of("SOMETHING_NEW", "IN_PROGRESS")) {
                Call.Applied applied = end(Map.of("status", status));
                assertThat(applied.call().status()).as(status).isEqualTo(CallStatus.COMPLETED);
                assertThat(applied.warnings()).as(status).anySatisfy(w -> assertThat(w).contains(status, "COMPLETED"));
            }
        }

        @Test
        void alternative_field_names_are_read() {
            Call.Applied applied = end(Map.of("recordingUrl", "https://r.example/1.mp3", "duration", 12.7));

            assertThat(applied.call().recordingUrl()).isEqualTo("https://r.example/1.mp3");
            assertThat(applied.call().durationSeconds()).isEqualTo(12);
        }

        @Test
        void a_very_long_reason_is_clipped() {
            Call.Applied applied = end(Map.of("status", "FAILED", "failureReason", "x".repeat(20_000)));

            assertThat(applied.call().failureReason()).hasSize(10_000);
        }

        @Test
        void an_unknown_event_type_goes_on_the_timeline_only_with_a_warning() {
            Call call = dispatchedCall();

            Call.Applied applied = applyOne(call, event("call.transferred", at(30), Map.of("to", "+15550000000")));

            assertThat(applied.call().status()).isEqualTo(CallStatus.DISPATCHED);
            assertThat(applied.call().transcript()).isEmpty();
            assertThat(events(applied.call())).containsExactly("queued", "dispatched", "call.transferred");
            assertThat(applied.warnings()).singleElement().asString().contains("unknown event type call.transferred");
        }

        @Test
        void an_update_without_text_adds_nothing_and_one_without_speaker_is_unknown() {
            Call call = dispatchedCall();

            Call.Applied noText = applyOne(call, event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20), Map.of("speaker", "Agent")));
            Call.Applied noSpeaker = applyOne(call, event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20), Map.of("text", "hm")));
            Call.Applied other = applyOne(call, event(HamsaEvent.TRANSCRIPTION_UPDATE, at(20),
                    Map.of("role", "User", "transcript", "yes", "index", -1)));

            assertThat(noText.call().transcript()).isEmpty();
            assertThat(noText.warnings()).singleElement().asString().contains("without text");
            assertThat(events(noText.call())).isEqualTo(events(call));
            assertThat(lines(noSpeaker.call())).containsExactly(List.of("Unknown", "hm"));
            assertThat(noSpeaker.warnings()).singleElement().asString().contains("without speaker");
            assertThat(lines(other.call())).containsExactly(List.of("User", "yes"));
            assertThat(other.call().transcript().get(0).index()).as("a negative index is no index").isNull();
        }

        @Test
        void a_tool_without_its_name_is_kept_with_a_warning() {
            Call.Applied applied = applyOne(dispatchedCall(), event(HamsaEvent.TOOL_EXECUTED, at(25), Map.of("result", "ok")));

            assertThat(applied.warnings()).containsExactly("tool.executed without toolName");
            assertThat(applied.call().timeline().get(2).detail()).containsEntry("result", "ok");
        }

        @Test
        void no_payload_shape_makes_apply_throw() {
            List<Object> odd = Arrays.asList(null, "", "text", 7, -1, 2.5, true, List.of(), List.of(1, "x"), Map.of(),
                    Map.of("k", List.of()), Arrays.asList((Object) null));
            List<String> fields = List.of("status", "conversationId", "conversationRecording", "recordingUrl",
                    "transcription", "outcomeResult", "callDuration", "duration", "failureReason", "reason",
                    "speaker", "role", "text", "transcript", "index", "toolName");
            Random random = new Random(7L);
            for (int run = 0; run < 300; run++) {
                Map<String, Object> payload = new LinkedHashMap<>();
                for (String f : fields) {
                    if (random.nextBoolean()) {
                        payload.put(f, odd.get(random.nextInt(odd.size())));
                    }
                }
                for (String type : HamsaEventTypes.ALL) {
                    HamsaEvent e = event(type, at(random.nextInt(100)), payload);
                    assertThatNoException().as("%s with %s", type, payload).isThrownBy(() -> applyOne(dispatchedCall(), e));
                }
            }
        }
    }

    private static final class HamsaEventTypes {
        static final List<String> ALL = List.of(HamsaEvent.CALL_STARTED, HamsaEvent.CALL_ANSWERED,
                HamsaEvent.TRANSCRIPTION_UPDATE, HamsaEvent.TOOL_EXECUTED, HamsaEvent.CALL_ENDED, "other.event");
    }

    @Nested
    class CommandsOnTheCall {

        @Test
        void a_new_call_is_queued_with_nothing_from_hamsa_yet() {
            Call call = CallFixtures.queued(TEAM, T0);

            assertThat(call.status()).isEqualTo(CallStatus.QUEUED);
            assertThat(call.version()).isEqualTo(1);
            assertThat(call.hamsaCallId()).isNull();
            assertThat(call.transcript()).isEmpty();
            assertThat(call.outcome()).isNull();
            assertThat(events(call)).containsExactly("queued");
            assertThat(call.createdAt()).isEqualTo(T0).isEqualTo(call.updatedAt());
            assertThat(call.channel()).isEqualTo(CallChannel.PHONE);
        }

        @Test
        void params_for_hamsa_add_the_correlation_key_and_leave_the_teams_params_alone() {
            Call call = CallFixtures.queued(TEAM, T0);

            Map<String, Object> forHamsa = call.paramsForHamsa();

            assertThat(forHamsa).containsAllEntriesOf(CallFixtures.startParams())
                    .containsEntry(Call.CORRELATION_PARAM, call.id().toString()).hasSize(4);
            assertThat(call.params()).isEqualTo(CallFixtures.startParams()).doesNotContainKey(Call.CORRELATION_PARAM);
        }

        @Test
        void params_are_copied_so_the_caller_cannot_change_them_afterwards() {
            Map<String, Object> params = new LinkedHashMap<>(Map.of("nested", new ArrayList<>(List.of("a"))));
            Call call = Call.queued(CallId.newId(), TEAM, CallFixtures.agent(TEAM, T0), "+1555", null, params, null, T0);

            params.put("later", "x");

            assertThat(call.params()).containsOnlyKeys("nested");
            assertThatThrownBy(() -> call.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void the_team_cannot_give_the_correlation_key_itself() {
            assertThatThrownBy(() -> queued(Map.of(Call.CORRELATION_PARAM, "forged"), null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("params.switchboard_call_id"));
        }

        @Test
        void at_most_fifty_params() {
            Map<String, Object> fifty = IntStream.range(0, Call.MAX_PARAMS).boxed()
                    .collect(Collectors.toMap(i -> "p" + i, i -> (Object) i));
            Map<String, Object> fiftyOne = new LinkedHashMap<>(fifty);
            fiftyOne.put("one_more", 1);

            assertThat(queued(fifty, null).params()).hasSize(50);
            assertThatThrownBy(() -> queued(fiftyOne, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("params"));
        }

        @Test
        void an_external_id_is_not_blank_and_at_most_255_characters() {
            assertThat(queued(null, "x".repeat(255)).externalId()).hasSize(255);
            assertThat(queued(null, null).externalId()).isNull();
            for (String bad : List.of("", "   ", "x".repeat(256))) {
                assertThatThrownBy(() -> queued(null, bad)).as("[%s]", bad)
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                                .extracting(FieldViolation::field).containsExactly("externalId"));
            }
        }

        private Call queued(Map<String, Object> params, String externalId) {
            return Call.queued(CallId.newId(), TEAM, CallFixtures.agent(TEAM, T0), "+15551234567", null, params,
                    externalId, T0);
        }

        @Test
        void a_queued_call_can_be_cancelled() {
            Call call = CallFixtures.queued(TEAM, T0);

            Call cancelled = call.cancelled(at(5));

            assertThat(cancelled.status()).isEqualTo(CallStatus.CANCELLED);
            assertThat(cancelled.endedAt()).isEqualTo(at(5));
            assertThat(cancelled.updatedAt()).isEqualTo(at(5));
            assertThat(cancelled.version()).isEqualTo(2);
            assertThat(events(cancelled)).containsExactly("queued", "cancelled");
        }

        @Test
        void only_a_queued_call_can_be_cancelled() {
            Call dispatched = dispatchedCall();
            Call cancelled = CallFixtures.queued(TEAM, T0).cancelled(at(5));
            Call failed = CallFixtures.queued(TEAM, T0).failedToDispatch("refused", at(5));
            Call started = applyOne(dispatched, event(HamsaEvent.CALL_STARTED, at(10), Map.of())).call();

            for (Call call : List.of(dispatched, cancelled, failed, started)) {
                assertThatThrownBy(() -> call.cancelled(at(6))).as("%s", call.status())
                        .isInstanceOfSatisfying(CallNotCancellableException.class, e -> {
                            assertThat(e.id()).isEqualTo(call.id());
                            assertThat(e.status()).isEqualTo(call.status());
                        });
            }
        }

        @Test
        void dispatched_names_hamsas_call() {
            Call call = CallFixtures.queued(TEAM, T0);

            Call dispatched = call.dispatched("job-1", at(2));

            assertThat(dispatched.status()).isEqualTo(CallStatus.DISPATCHED);
            assertThat(dispatched.hamsaCallId()).isEqualTo("job-1");
            assertThat(dispatched.dispatchedAt()).isEqualTo(at(2));
            assertThat(dispatched.endedAt()).isNull();
            assertThat(dispatched.version()).isEqualTo(2);
            assertThat(dispatched.timeline().get(1)).isEqualTo(new TimelineEntry("dispatched", at(2), Map.of("hamsaCallId", "job-1")));
        }

        @Test
        void failed_to_dispatch_ends_the_call_with_its_reason() {
            Call call = CallFixtures.queued(TEAM, T0);

            Call failed = call.failedToDispatch("Hamsa refused the call: bad number", at(3));

            assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
            assertThat(failed.failureReason()).isEqualTo("Hamsa refused the call: bad number");
            assertThat(failed.endedAt()).isEqualTo(at(3));
            assertThat(failed.hamsaCallId()).isNull();
            assertThat(events(failed)).containsExactly("queued", "dispatch.failed");
            assertThat(failed.timeline().get(1).detail()).containsEntry("reason", "Hamsa refused the call: bad number");
        }
    }

    @Test
    void the_record_holds_its_collections_unmodifiable() {
        Call call = applyAll(dispatchedCall(), lifecycle(CallId.newId(), true));

        assertThatThrownBy(() -> call.transcript().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> call.timeline().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> call.outcome().clear()).isInstanceOf(UnsupportedOperationException.class);
        Set<String> keys = call.outcome().keySet();
        assertThat(keys).isNotEmpty();
        assertThat(Duration.between(call.createdAt(), call.endedAt())).isEqualTo(Duration.ofSeconds(60));
    }
}
