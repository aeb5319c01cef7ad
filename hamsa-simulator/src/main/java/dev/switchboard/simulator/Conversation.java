package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted call: what it was asked to do (fixed) and how far it has got (changed by the
 * lifecycle as it plays each step, under this object's lock). Readers take a {@link State} snapshot.
 */
final class Conversation {

    /** One transcript line: {@code {"Agent": text}} or {@code {"User": text}} on the wire. */
    record Line(String speaker, String text) {
    }

    /** A consistent view of the changing part. */
    record State(
            CallStatus status,
            String mediaUrl,
            Integer callDuration,
            List<Line> transcription,
            ObjectNode outcomeResult,
            String failureReason) {
    }

    private final long sequence;
    private final String id;
    private final String voiceAgentId;
    private final String agentName;
    private final String toNumber;
    private final String fromNumber;
    private final ObjectNode params;
    private final ObjectNode agentDetails;
    private final String webhookUrl;
    private final String authKey;
    private final String authSecret;
    private final CallScript script;
    private final CallScript.Outcome outcome;
    private final Instant createdAt;

    private CallStatus status = CallStatus.PENDING;
    private String mediaUrl;
    private Integer callDuration;
    private final List<Line> transcription = new ArrayList<>();
    private ObjectNode outcomeResult;
    private String failureReason;
    private Instant lastTimestamp;
    private volatile boolean cancelled;

    Conversation(long sequence, String id, String voiceAgentId, String agentName, CallInput input,
                 CallScript script, Instant createdAt) {
        this.sequence = sequence;
        this.id = id;
        this.voiceAgentId = voiceAgentId;
        this.agentName = agentName;
        this.toNumber = input.toNumber();
        this.fromNumber = input.fromNumber();
        this.params = input.params().deepCopy();
        this.agentDetails = input.agentDetails() == null ? null : input.agentDetails().deepCopy();
        this.webhookUrl = input.webhookUrl();
        this.authKey = input.authKey();
        this.authSecret = input.authSecret();
        this.script = script;
        this.outcome = input.outcome() != null ? input.outcome() : script.outcome();
        this.createdAt = createdAt;
    }

    long sequence() {
        return sequence;
    }

    String id() {
        return id;
    }

    String voiceAgentId() {
        return voiceAgentId;
    }

    String agentName() {
        return agentName;
    }

    String toNumber() {
        return toNumber;
    }

    String fromNumber() {
        return fromNumber;
    }

    /** Never changed after construction; callers copy it before handing it out for changes. */
    ObjectNode params() {
        return params;
    }

    ObjectNode agentDetails() {
        return agentDetails;
    }

    String webhookUrl() {
        return webhookUrl;
    }

    /** The exact header its webhooks carry, {@code authKey + " " + authSecret}; null without webhookAuth. */
    String authorization() {
        return authKey == null ? null : authKey + " " + authSecret;
    }

    CallScript script() {
        return script;
    }

    CallScript.Outcome outcome() {
        return outcome;
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized CallStatus status() {
        return status;
    }

    synchronized State state() {
        return new State(status, mediaUrl, callDuration, List.copyOf(transcription),
                outcomeResult == null ? null : outcomeResult.deepCopy(), failureReason);
    }

    synchronized void started() {
        status = CallStatus.IN_PROGRESS;
    }

    synchronized void addLine(Line line) {
        transcription.add(line);
    }

    synchronized List<Line> transcription() {
        return List.copyOf(transcription);
    }

    synchronized void ended(CallStatus finalStatus, String mediaUrl, int callDuration, ObjectNode outcomeResult,
                            String failureReason) {
        this.status = finalStatus;
        this.mediaUrl = mediaUrl;
        this.callDuration = callDuration;
        this.outcomeResult = outcomeResult.deepCopy();
        this.failureReason = failureReason;
    }

    /**
     * The timestamp of the next event: now to the millisecond, but always at least 1 ms after the
     * previous one, so a receiver deduplicating on callId + eventType + timestamp never merges two
     * distinct events, even with a stopped clock.
     */
    synchronized Instant nextTimestamp(Instant now) {
        Instant candidate = now.truncatedTo(ChronoUnit.MILLIS);
        if (lastTimestamp != null && !candidate.isAfter(lastTimestamp)) {
            candidate = lastTimestamp.plusMillis(1);
        }
        lastTimestamp = candidate;
        return candidate;
    }

    /** Stops its lifecycle and deliveries at their next step (on reset). */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }
}
