package dev.switchboard.domain.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event Hamsa sent about a call, read from its envelope
 * {@code {eventType, callId, timestamp, projectId, agentId, agentName, data}}. Hamsa nests the event's own
 * fields one level down ({@code data.data}); {@link #payload} is that inner object, or {@code data} itself
 * when Hamsa sent it flat.
 *
 * @param hamsaCallId Hamsa's id of the call (its job id)
 * @param source      {@code webhook} for an event Hamsa sent, {@code reconciler} for one Switchboard derived
 *                    from Hamsa's record of the call
 */
public record HamsaEvent(String type, String hamsaCallId, Instant occurredAt, String projectId, String agentId,
                         Map<String, Object> payload, String source) {

    public static final String CALL_STARTED = "call.started";
    public static final String CALL_ANSWERED = "call.answered";
    public static final String TRANSCRIPTION_UPDATE = "transcription.update";
    public static final String TOOL_EXECUTED = "tool.executed";
    public static final String CALL_ENDED = "call.ended";
    public static final String SOURCE_WEBHOOK = "webhook";
    public static final String SOURCE_RECONCILER = "reconciler";

    private static final int MAX_TYPE_LENGTH = 100;
    private static final int MAX_ID_LENGTH = 255;

    public HamsaEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        payload = payload == null ? Map.of() : JsonValues.copyOf(payload);
    }

    /**
     * Reads and checks an envelope: {@code eventType} and {@code timestamp} (ISO-8601) are required,
     * {@code callId}, {@code projectId} and {@code agentId} are strings when present, {@code data} an object
     * when present. Every failing field is named.
     */
    public static HamsaEvent fromEnvelope(Map<String, ?> envelope, String source) {
        List<FieldViolation> violations = new ArrayList<>();
        String type = requiredText(envelope, "eventType", MAX_TYPE_LENGTH, violations);
        String timestamp = requiredText(envelope, "timestamp", MAX_ID_LENGTH, violations);
        Instant occurredAt = null;
        if (timestamp != null) {
            try {
                occurredAt = Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("timestamp", "must be an ISO-8601 instant such as 2024-01-15T14:35:00.000Z"));
            }
        }
        String callId = optionalText(envelope, "callId", violations);
        String projectId = optionalText(envelope, "projectId", violations);
        String agentId = optionalText(envelope, "agentId", violations);
        Object data = envelope.get("data");
        if (data != null && !(data instanceof Map)) {
            violations.add(new FieldViolation("data", "must be an object"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Map<String, Object> outer = JsonValues.object(envelope, "data");
        Map<String, Object> inner = JsonValues.object(outer, "data");
        return new HamsaEvent(type, callId, occurredAt, projectId, agentId, inner != null ? inner : outer, source);
    }

    private static String requiredText(Map<String, ?> envelope, String field, int max, List<FieldViolation> violations) {
        Object value = envelope.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            violations.add(new FieldViolation(field, "is required and must be a non-empty string"));
            return null;
        }
        if (s.length() > max) {
            violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
            return null;
        }
        return s;
    }

    private static String optionalText(Map<String, ?> envelope, String field, List<FieldViolation> violations) {
        Object value = envelope.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.length() > MAX_ID_LENGTH) {
            violations.add(new FieldViolation(field, "must be a string of at most " + MAX_ID_LENGTH + " characters"));
            return null;
        }
        return s.isBlank() ? null : s;
    }

    /** An event this version of Switchboard knows how to apply (others are kept on the timeline only). */
    public boolean isKnownType() {
        return switch (type) {
            case CALL_STARTED, CALL_ANSWERED, TRANSCRIPTION_UPDATE, TOOL_EXECUTED, CALL_ENDED -> true;
            default -> false;
        };
    }
}
