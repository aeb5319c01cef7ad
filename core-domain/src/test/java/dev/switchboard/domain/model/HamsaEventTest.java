package dev.switchboard.domain.model;

import static dev.switchboard.domain.fake.CallFixtures.HAMSA_AGENT;
import static dev.switchboard.domain.fake.CallFixtures.HAMSA_CALL;
import static dev.switchboard.domain.fake.CallFixtures.HAMSA_PROJECT;
import static dev.switchboard.domain.fake.CallFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.CallFixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HamsaEventTest {

    private static final String TS = "2024-01-15T14:35:00.000Z";

    private static Map<String, Object> guideEnvelope() {
        return envelope(HamsaEvent.CALL_ENDED, TS, CallFixtures.endedPayload(CallId.newId()));
    }

    private static List<String> violatedFields(Map<String, Object> envelope) {
        try {
            HamsaEvent.fromEnvelope(envelope, HamsaEvent.SOURCE_WEBHOOK);
        } catch (InvalidInputException e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("no violation for " + envelope);
    }

    @Test
    void the_guides_envelope_is_read_with_the_inner_data_as_payload() {
        HamsaEvent event = HamsaEvent.fromEnvelope(guideEnvelope(), HamsaEvent.SOURCE_WEBHOOK);

        assertThat(event.type()).isEqualTo("call.ended");
        assertThat(event.hamsaCallId()).isEqualTo(HAMSA_CALL);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-01-15T14:35:00Z"));
        assertThat(event.projectId()).isEqualTo(HAMSA_PROJECT);
        assertThat(event.agentId()).isEqualTo(HAMSA_AGENT);
        assertThat(event.source()).isEqualTo(HamsaEvent.SOURCE_WEBHOOK);
        assertThat(event.payload()).containsOnlyKeys("conversationId", "conversationRecording", "transcription",
                "outcomeResult", "callDuration");
        assertThat(event.payload().get("conversationId")).isEqualTo(CallFixtures.CONVERSATION);
        assertThat(event.isKnownType()).isTrue();
    }

    @Test
    void flat_data_is_the_payload_itself() {
        Map<String, Object> envelope = guideEnvelope();
        envelope.put("data", Map.of("speaker", "Agent", "text", "Hello", "index", 0));
        envelope.put("eventType", HamsaEvent.TRANSCRIPTION_UPDATE);

        HamsaEvent event = HamsaEvent.fromEnvelope(envelope, HamsaEvent.SOURCE_WEBHOOK);

        assertThat(event.payload()).isEqualTo(Map.of("speaker", "Agent", "text", "Hello", "index", 0));
    }

    @Test
    void only_event_type_and_timestamp_are_required() {
        HamsaEvent event = HamsaEvent.fromEnvelope(Map.of("eventType", "call.started", "timestamp", TS), "webhook");

        assertThat(event.hamsaCallId()).isNull();
        assertThat(event.projectId()).isNull();
        assertThat(event.agentId()).isNull();
        assertThat(event.payload()).isEmpty();
    }

    @Test
    void blank_ids_are_taken_as_missing() {
        Map<String, Object> envelope = guideEnvelope();
        envelope.put("callId", " ");
        envelope.put("agentId", "");

        HamsaEvent event = HamsaEvent.fromEnvelope(envelope, HamsaEvent.SOURCE_WEBHOOK);

        assertThat(event.hamsaCallId()).isNull();
        assertThat(event.agentId()).isNull();
    }

    @Test
    void an_unknown_event_type_is_read_but_not_known() {
        Map<String, Object> envelope = guideEnvelope();
        envelope.put("eventType", "call.transferred");

        assertThat(HamsaEvent.fromEnvelope(envelope, HamsaEvent.SOURCE_WEBHOOK).isKnownType()).isFalse();
    }

    @Test
    void the_payload_is_a_deep_copy_that_nobody_can_change() {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("toolName", "lookup"));
        Map<String, Object> envelope = envelope(HamsaEvent.TOOL_EXECUTED, TS, inner);
        HamsaEvent event = HamsaEvent.fromEnvelope(envelope, HamsaEvent.SOURCE_WEBHOOK);

        inner.put("toolName", "changed");

        assertThat(event.payload()).containsEntry("toolName", "lookup");
        assertThatThrownBy(() -> event.payload().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_missing_event_type_is_named() {
        Map<String, Object> envelope = guideEnvelope();
        envelope.remove("eventType");

        assertThat(violatedFields(envelope)).containsExactly("eventType");
    }

    @Test
    void an_event_type_that_is_not_a_string_or_blank_or_too_long_is_named() {
        for (Object bad : List.of(42, " ", "e".repeat(101), Map.of())) {
            Map<String, Object> envelope = guideEnvelope();
            envelope.put("eventType", bad);
            assertThat(violatedFields(envelope)).as("%s", bad).containsExactly("eventType");
        }
    }

    @Test
    void a_missing_timestamp_is_named() {
        Map<String, Object> envelope = guideEnvelope();
        envelope.remove("timestamp");

        assertThat(violatedFields(envelope)).containsExactly("timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15 14:35:00", "15/01/2024", "1705329300", "2024-01-15", "yesterday"})
    void a_timestamp_that_is_not_an_iso_instant_is_named(String timestamp) {
        Map<String, Object> envelope = guideEnvelope();
        envelope.put("timestamp", timestamp);

        assertThatThrownBy(() -> HamsaEvent.fromEnvelope(envelope, HamsaEvent.SOURCE_WEBHOOK))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("timestamp");
                    assertThat(e.violations().get(0).message()).contains("ISO-8601");
                });
    }

    @Test
    void a_numeric_timestamp_is_named() {
        Map<String, Object> envelope = guideEnvelope();
        envelope.put("timestamp", 1705329300000L);

        assertThat(violatedFields(envelope)).containsExactly("timestamp");
    }

    @Test
    void data_that_is_not_an_object_is_named() {
        for (Object bad : List.of("text", 1, List.of(Map.of("a", 1)), true)) {
            Map<String, Object> envelope = guideEnvelope();
            envelope.put("data", bad);
            assertThat(violatedFields(envelope)).as("%s", bad).containsExactly("data");
        }
    }

    @Test
    void ids_that_are_not_strings_are_named() {
        for (String field : List.of("callId", "projectId", "agentId")) {
            Map<String, Object> envelope = guideEnvelope();
            envelope.put(field, 12345);
            assertThat(violatedFields(envelope)).as(field).containsExactly(field);
            envelope.put(field, "x".repeat(256));
            assertThat(violatedFields(envelope)).as(field + " too long").containsExactly(field);
        }
    }

    @Test
    void every_failing_field_is_named_at_once() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("timestamp", "not a time");
        envelope.put("callId", List.of("c"));
        envelope.put("projectId", 1);
        envelope.put("agentId", Map.of());
        envelope.put("data", "flat text");

        assertThat(violatedFields(envelope)).containsExactlyInAnyOrder("eventType", "timestamp", "callId", "projectId",
                "agentId", "data");
    }

    @Test
    void an_event_needs_its_type_time_and_source() {
        Instant now = Instant.parse(TS);
        assertThatThrownBy(() -> new HamsaEvent(null, null, now, null, null, null, "webhook"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HamsaEvent("call.started", null, null, null, null, null, "webhook"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HamsaEvent("call.started", null, now, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(new HamsaEvent("call.started", null, now, null, null, null, "webhook").payload()).isEmpty();
    }
}
