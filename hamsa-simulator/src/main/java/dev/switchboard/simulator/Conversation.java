package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted call or web conversation: what it was asked to do (fixed) and how far it has got
 * (changed by the lifecycle as it plays each step, under this object's lock). Readers take a
 * {@link State} snapshot.
 *
 * <p>It plays by the script it is {@link #begin begun} with: a phone call is begun as it is
 * accepted, a web conversation only when a browser joins it.
 */
final class Conversation {

    /** How it reaches the user; the name is Hamsa's {@code channelType}. */
    enum Channel { PHONE, WEB }

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
    private final Channel channel;
    private final String toNumber;
    private final String fromNumber;
    private final ObjectNode params;
    private final ObjectNode agentDetails;
    private final WebhookTarget webhook;
    private final CallScript.Outcome requestedOutcome;
    private final Instant createdAt;

    private CallScript script;
    private CallScript.Outcome outcome;
    private CallStatus status = CallStatus.PENDING;
    private String mediaUrl;
    private Integer callDuration;
    private final List<Line> transcription = new ArrayList<>();
    private ObjectNode outcomeResult;
    private String failureReason;
    private Instant lastTimestamp;
    private volatile boolean cancelled;

    /**
     * @param toNumber         null for a web conversation, as is {@code fromNumber} when not given
     * @param agentDetails     null when not given
     * @param requestedOutcome what {@code params.sim_outcome} asks for; null to follow the script
     */
    Conversation(long sequence, String id, Agent agent, Channel channel, String toNumber, String fromNumber,
                 ObjectNode params, ObjectNode agentDetails, CallScript.Outcome requestedOutcome,
                 WebhookTarget webhook, Instant createdAt) {
        this.sequence = sequence;
        this.id = id;
        this.voiceAgentId = agent.id();
        this.agentName = agent.name();
        this.channel = channel;
        this.toNumber = toNumber;
        this.fromNumber = fromNumber;
        this.params = params.deepCopy();
        this.agentDetails = agentDetails == null ? null : agentDetails.deepCopy();
        this.requestedOutcome = requestedOutcome;
        this.webhook = webhook;
        this.createdAt = createdAt;
    }

    /**
     * Fixes the script it plays by (and so its outcome); false when it was begun already, so a
     * conversation is joined once.
     */
    synchronized boolean begin(CallScript current) {
        if (script != null) {
            return false;
        }
        script = current;
        outcome = requestedOutcome != null ? requestedOutcome : current.outcome();
        return true;
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

    Channel channel() {
        return channel;
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

    /** Where its events go, settled when it was created. */
    WebhookTarget webhook() {
        return webhook;
    }

    /** Null when its events go nowhere. */
    String webhookUrl() {
        return webhook.url();
    }

    /** The exact header its webhooks carry, {@code authKey + " " + authSecret}; null without webhookAuth. */
    String authorization() {
        return webhook.authorization();
    }

    /** Null until it is begun. */
    synchronized CallScript script() {
        return script;
    }

    /** Null until it is begun. */
    synchronized CallScript.Outcome outcome() {
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
