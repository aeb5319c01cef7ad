package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call a team asked for, and everything Hamsa told about it since. Immutable: every change returns the
 * next version. Events are applied by {@link #apply}, which gives the same final state whatever order the
 * events arrive in and however often each arrives.
 *
 * @param params     what the team gave Hamsa to echo (the correlation key Switchboard adds is not in it)
 * @param outcome    what Hamsa extracted at the end ({@code outcomeResult}); null until Hamsa sends one, and
 *                   fields Hamsa did not send stay missing
 * @param hamsaCallId Hamsa's id of the call (its job id), once Hamsa accepted it
 */
public record Call(CallId id, TeamId team, VoiceAgentId agentId, HamsaAgentId hamsaAgentId, CallChannel channel,
                   String toNumber, String fromNumber, Map<String, Object> params, String externalId,
                   String hamsaCallId, String hamsaConversationId, CallStatus status, List<TranscriptLine> transcript,
                   String recordingUrl, Map<String, Object> outcome, String failureReason, Integer durationSeconds,
                   List<TimelineEntry> timeline, Instant createdAt, Instant updatedAt, Instant dispatchedAt,
                   Instant endedAt, long version) {

    /** The key Switchboard adds to a call's params, so Hamsa's record of the call names Switchboard's call. */
    public static final String CORRELATION_PARAM = "switchboard_call_id";
    public static final int EXTERNAL_ID_MAX = VoiceAgent.EXTERNAL_ID_MAX;
    public static final int MAX_PARAMS = 50;
    private static final java.time.Duration PLATFORM_CLOCK_SLACK = java.time.Duration.ofMinutes(5);

    private static final Comparator<TranscriptLine> TRANSCRIPT_ORDER = Comparator
            .comparing(TranscriptLine::index, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TranscriptLine::at, Comparator.nullsLast(Comparator.naturalOrder()));
    private static final int MAX_TEXT = 10_000;
    private static final String FULL_TRANSCRIPT = "fullTranscript";

    public Call {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(hamsaAgentId, "hamsaAgentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        params = params == null ? Map.of() : JsonValues.copyOf(params);
        outcome = outcome == null ? null : JsonValues.copyOf(outcome);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A new phone call, QUEUED, with nothing from Hamsa yet. */
    public static Call queued(CallId id, TeamId team, VoiceAgent agent, String toNumber, String fromNumber,
                              Map<String, Object> params, String externalId, Instant now) {
        return queued(id, team, agent, CallChannel.PHONE, toNumber, fromNumber, params, externalId, now);
    }

    /**
     * A new call on the channel, QUEUED, with nothing from Hamsa yet. A phone call needs the number to dial; a web
     * conversation has no numbers (the person joins from a browser).
     */
    public static Call queued(CallId id, TeamId team, VoiceAgent agent, CallChannel channel, String toNumber,
                              String fromNumber, Map<String, Object> params, String externalId, Instant now) {
        checkExternalId(externalId);
        checkParams(params);
        Objects.requireNonNull(channel, "channel");
        if (channel == CallChannel.PHONE && toNumber == null) {
            throw InvalidInputException.of("toNumber", "is required for a phone call");
        }
        if (channel == CallChannel.WEB && (toNumber != null || fromNumber != null)) {
            String why = "is not taken for a web conversation, which the person joins from a browser";
            List<FieldViolation> given = new ArrayList<>();
            if (toNumber != null) {
                given.add(new FieldViolation("toNumber", why));
            }
            if (fromNumber != null) {
                given.add(new FieldViolation("fromNumber", why));
            }
            throw new InvalidInputException(given);
        }
        return new Call(id, team, agent.id(), agent.hamsaAgentId(), channel, toNumber, fromNumber, params,
                externalId, null, null, CallStatus.QUEUED, List.of(), null, null, null, null,
                List.of(new TimelineEntry("queued", now, Map.of())), now, now, null, null, 1);
    }

    /**
     * A call Switchboard did not place (started from Hamsa's dashboard or a campaign, or a web conversation
     * opened without Switchboard), first heard of through its agent's webhook: it belongs to the agent's team,
     * Hamsa already has it (DISPATCHED), and its events are applied to it like any call's.
     */
    public static Call adopted(CallId id, VoiceAgent agent, String hamsaCallId, CallChannel channel, Instant now) {
        Objects.requireNonNull(hamsaCallId, "hamsaCallId");
        return new Call(id, agent.team(), agent.id(), agent.hamsaAgentId(), channel, null, null, Map.of(), null,
                hamsaCallId, null, CallStatus.DISPATCHED, List.of(), null, null, null, null,
                List.of(new TimelineEntry("adopted", now, Map.of("hamsaCallId", hamsaCallId,
                        "reason", "not placed through Switchboard; first heard of through its agent's webhook"))),
                now, now, now, null, 1);
    }

    /** The same rules as an agent's: a team's own reference, not blank, at most 255 characters. */
    public static void checkExternalId(String externalId) {
        VoiceAgent.checkExternalId(externalId);
    }

    private static void checkParams(Map<String, Object> params) {
        if (params == null) {
            return;
        }
        if (params.size() > MAX_PARAMS) {
            throw InvalidInputException.of("params", "must have at most " + MAX_PARAMS + " fields");
        }
        if (params.containsKey(CORRELATION_PARAM)) {
            throw InvalidInputException.of("params." + CORRELATION_PARAM, "is set by Switchboard and cannot be given");
        }
    }

    /** Whether Switchboard did not place this call but adopted it from its agent's webhook. */
    public boolean adopted() {
        return timeline.stream().anyMatch(entry -> "adopted".equals(entry.event()));
    }

    /**
     * Where a search of Hamsa's list of the agent's calls for this one starts: its creation, less a margin,
     * since Hamsa's clock and ours may differ.
     */
    public Instant platformSearchFrom() {
        return createdAt.minus(PLATFORM_CLOCK_SLACK);
    }

    /** The params as Hamsa is given them: the team's, plus Switchboard's correlation key. */
    public Map<String, Object> paramsForHamsa() {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put(CORRELATION_PARAM, id.toString());
        return all;
    }

    /** Hamsa accepted the call and named it. */
    public Call dispatched(String hamsaCallId, Instant now) {
        Objects.requireNonNull(hamsaCallId, "hamsaCallId");
        // An id Hamsa's first webhook already gave is kept: a call's Hamsa id never changes once known.
        return new Builder(this, now).hamsaCallId(this.hamsaCallId != null ? this.hamsaCallId : hamsaCallId)
                .dispatchedAt(now)
                .status(status.advancedTo(CallStatus.DISPATCHED))
                .timeline(withEntry(timeline, new TimelineEntry("dispatched", now, Map.of("hamsaCallId", hamsaCallId))))
                .build();
    }

    /** Hamsa refused the call, or it could not be sent; it ends here. */
    public Call failedToDispatch(String reason, Instant now) {
        if (status.isFinal()) {
            return new Builder(this, now).build();
        }
        return new Builder(this, now).status(status.advancedTo(CallStatus.FAILED)).failureReason(reason).endedAt(now)
                .timeline(withEntry(timeline, new TimelineEntry("dispatch.failed", now, Map.of("reason", reason))))
                .build();
    }

    public Call cancelled(Instant now) {
        if (status != CallStatus.QUEUED) {
            throw new CallNotCancellableException(id, status);
        }
        return new Builder(this, now).status(CallStatus.CANCELLED).endedAt(now)
                .timeline(withEntry(timeline, new TimelineEntry("cancelled", now, Map.of())))
                .build();
    }

    /** The next version after one event, and what in the event had to be defaulted. */
    public record Applied(Call call, List<String> warnings) {
    }

    /**
     * Applies one event. Status only moves forward; the transcript is kept in order and a turn already held is
     * not added twice; {@code call.ended}'s full transcription replaces the one built from updates, and later
     * updates no longer change it. Missing fields take the defaults docs/api.md lists, each with a warning.
     */
    public Applied apply(HamsaEvent event, Instant now) {
        List<String> warnings = new ArrayList<>();
        Builder next = new Builder(this, now);
        if (hamsaCallId == null && event.hamsaCallId() != null) {
            next.hamsaCallId(event.hamsaCallId());
        }
        Map<String, Object> p = event.payload();
        Map<String, Object> detail = new LinkedHashMap<>();
        switch (event.type()) {
            case HamsaEvent.CALL_STARTED -> next.status(status.advancedTo(CallStatus.STARTED));
            case HamsaEvent.CALL_ANSWERED -> next.status(status.advancedTo(CallStatus.ANSWERED));
            case HamsaEvent.TRANSCRIPTION_UPDATE -> {
                TranscriptLine line = lineOf(p, event.occurredAt(), warnings);
                if (line != null && !transcriptIsFinal()) {
                    next.transcript(withLine(transcript, line));
                }
            }
            case HamsaEvent.TOOL_EXECUTED -> {
                detail.putAll(p);
                if (JsonValues.text(p, "toolName") == null) {
                    warnings.add("tool.executed without toolName");
                }
            }
            case HamsaEvent.CALL_ENDED -> applyEnded(event, p, next, detail, warnings);
            default -> warnings.add("unknown event type " + event.type() + ": kept on the timeline only");
        }
        if (!event.source().equals(HamsaEvent.SOURCE_WEBHOOK)) {
            detail.put("source", event.source());
        }
        // Transcript updates are the transcript itself: on the timeline they would only repeat it, and grow it
        // by hundreds of entries a call.
        if (!event.type().equals(HamsaEvent.TRANSCRIPTION_UPDATE)) {
            next.timeline(withEntry(next.timeline, new TimelineEntry(event.type(), event.occurredAt(), detail)));
        }
        return new Applied(next.build(), List.copyOf(warnings));
    }

    private void applyEnded(HamsaEvent event, Map<String, Object> p, Builder next, Map<String, Object> detail,
                            List<String> warnings) {
        String hamsaStatus = JsonValues.text(p, "status");
        CallStatus finalStatus = CallStatus.COMPLETED;
        if (hamsaStatus != null) {
            finalStatus = CallStatus.fromHamsa(hamsaStatus).filter(CallStatus::isFinal).orElse(null);
            if (finalStatus == null) {
                warnings.add("call.ended with unknown status " + hamsaStatus + ": taken as COMPLETED");
                finalStatus = CallStatus.COMPLETED;
            }
        }
        detail.put("status", finalStatus.name());
        if (status.isFinal()) {
            // The first end wins; a second one (a reconciler's, or a repeat with another timestamp) changes nothing,
            // except to fill in what the first left empty (a reconciler's end may lack what Hamsa's webhook has).
            fillMissing(p, next, warnings);
            return;
        }
        next.status(finalStatus).endedAt(event.occurredAt());
        String conversationId = JsonValues.text(p, "conversationId");
        if (conversationId != null) {
            next.hamsaConversationId(conversationId);
        }
        List<TranscriptLine> full = transcriptOf(p.get("transcription"), event.occurredAt(), warnings);
        if (full != null && (!full.isEmpty() || transcript.isEmpty())) {
            next.transcript(full);
            detail.put(FULL_TRANSCRIPT, true);
        } else if (full != null) {
            warnings.add("call.ended with an empty transcription: the transcript built from updates is kept");
        } else if (finalStatus != CallStatus.NO_ANSWER) {
            warnings.add("call.ended without transcription: the transcript built from updates is kept");
        }
        String recording = recordingOf(p);
        if (recording != null) {
            next.recordingUrl(recording);
        } else if (finalStatus == CallStatus.COMPLETED) {
            warnings.add("call.ended without conversationRecording: recordingUrl stays empty");
        }
        Map<String, Object> result = outcomeOf(p);
        if (result != null) {
            next.outcome(result);
        } else if (p.containsKey("outcomeResult") && p.get("outcomeResult") != null) {
            warnings.add("call.ended with an outcomeResult that is not an object: outcome stays empty");
        } else if (finalStatus == CallStatus.COMPLETED) {
            warnings.add("call.ended without outcomeResult: outcome stays empty");
        }
        if (p.get("callDuration") instanceof Number n) {
            next.durationSeconds(n.intValue());
        } else if (p.get("duration") instanceof Number n) {
            next.durationSeconds(n.intValue());
        }
        String reason = JsonValues.text(p, "failureReason");
        if (reason == null) {
            reason = JsonValues.text(p, "reason");
        }
        if (reason != null) {
            next.failureReason(clip(reason));
        } else if (finalStatus == CallStatus.FAILED) {
            next.failureReason(hamsaStatus == null ? "failed" : "Hamsa reported " + hamsaStatus);
        }
    }

    /** Whether an applied {@code call.ended} brought the whole transcript, which later updates then no longer change. */
    public boolean transcriptIsFinal() {
        return timeline.stream().anyMatch(e -> e.event().equals(HamsaEvent.CALL_ENDED)
                && Boolean.TRUE.equals(e.detail().get(FULL_TRANSCRIPT)));
    }

    private void fillMissing(Map<String, Object> p, Builder next, List<String> warnings) {
        if (transcript.isEmpty()) {
            List<TranscriptLine> full = transcriptOf(p.get("transcription"), endedAt, warnings);
            if (full != null && !full.isEmpty()) {
                next.transcript(full);
            }
        }
        if (recordingUrl == null) {
            next.recordingUrl(recordingOf(p));
        }
        if (outcome == null) {
            next.outcome(outcomeOf(p));
        }
        if (durationSeconds == null && p.get("callDuration") instanceof Number n) {
            next.durationSeconds(n.intValue());
        }
    }

    /** The recording's URL: the guide's {@code conversationRecording}, else {@code recordingUrl}. */
    private static String recordingOf(Map<String, Object> p) {
        String recording = JsonValues.text(p, "conversationRecording");
        return recording != null ? recording : JsonValues.text(p, "recordingUrl");
    }

    /** Hamsa's {@code outcomeResult}, without Switchboard's own correlation key; null if it sent none. */
    private static Map<String, Object> outcomeOf(Map<String, Object> p) {
        Map<String, Object> result = JsonValues.object(p, "outcomeResult");
        if (result == null) {
            return null;
        }
        Map<String, Object> shown = new LinkedHashMap<>(result);
        shown.remove(CORRELATION_PARAM);
        return shown;
    }

    private static TranscriptLine lineOf(Map<String, Object> p, Instant at, List<String> warnings) {
        String text = JsonValues.text(p, "text");
        if (text == null) {
            text = JsonValues.text(p, "transcript");
        }
        if (text == null) {
            warnings.add("transcription.update without text: nothing added to the transcript");
            return null;
        }
        String speaker = JsonValues.text(p, "speaker");
        if (speaker == null) {
            speaker = JsonValues.text(p, "role");
        }
        if (speaker == null) {
            warnings.add("transcription.update without speaker: taken as Unknown");
            speaker = "Unknown";
        }
        Integer index = p.get("index") instanceof Number n && n.intValue() >= 0 ? n.intValue() : null;
        return new TranscriptLine(speaker, clip(text), index, at);
    }

    /** Hamsa's {@code transcription}: a list of one-entry objects {@code {"Agent": "..."}} or {@code {speaker, text}}. */
    private static List<TranscriptLine> transcriptOf(Object value, Instant at, List<String> warnings) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> turns)) {
            warnings.add("call.ended transcription is not a list: ignored");
            return null;
        }
        List<TranscriptLine> lines = new ArrayList<>();
        int skipped = 0;
        for (Object turn : turns) {
            if (turn instanceof Map<?, ?> m && m.get("text") instanceof String text) {
                Object speaker = m.get("speaker");
                lines.add(new TranscriptLine(speaker instanceof String s ? s : "Unknown", clip(text), lines.size(), at));
            } else if (turn instanceof Map<?, ?> m && m.size() == 1
                    && m.values().iterator().next() instanceof String text) {
                lines.add(new TranscriptLine(String.valueOf(m.keySet().iterator().next()), clip(text), lines.size(), at));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            warnings.add(skipped + " transcription turn(s) of an unknown shape skipped");
        }
        return lines;
    }

    private static List<TranscriptLine> withLine(List<TranscriptLine> transcript, TranscriptLine line) {
        for (TranscriptLine held : transcript) {
            if (held.sameTurnAs(line)) {
                return transcript;
            }
        }
        List<TranscriptLine> next = new ArrayList<>(transcript);
        next.add(line);
        next.sort(TRANSCRIPT_ORDER);
        return next;
    }

    /**
     * This same version of the call, its timeline shown annotated (a read-side view: the stored call is
     * unchanged, and so are its version and times).
     */
    public Call withTimelineView(List<TimelineEntry> annotated) {
        return new Call(id, team, agentId, hamsaAgentId, channel, toNumber, fromNumber, params, externalId, hamsaCallId,
                hamsaConversationId, status, transcript, recordingUrl, outcome, failureReason, durationSeconds, annotated,
                createdAt, updatedAt, dispatchedAt, endedAt, version);
    }

    private static List<TimelineEntry> withEntry(List<TimelineEntry> timeline, TimelineEntry entry) {
        List<TimelineEntry> next = new ArrayList<>(timeline);
        next.add(entry);
        next.sort(Comparator.comparing(TimelineEntry::at));
        return next;
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** Copies a call with some fields changed; the next version, updated now. */
    private static final class Builder {
        private final Call from;
        private final Instant now;
        private String hamsaCallId;
        private String hamsaConversationId;
        private CallStatus status;
        private List<TranscriptLine> transcript;
        private String recordingUrl;
        private Map<String, Object> outcome;
        private String failureReason;
        private Integer durationSeconds;
        private List<TimelineEntry> timeline;
        private Instant dispatchedAt;
        private Instant endedAt;

        Builder(Call from, Instant now) {
            this.from = from;
            this.now = now;
            hamsaCallId = from.hamsaCallId;
            hamsaConversationId = from.hamsaConversationId;
            status = from.status;
            transcript = from.transcript;
            recordingUrl = from.recordingUrl;
            outcome = from.outcome;
            failureReason = from.failureReason;
            durationSeconds = from.durationSeconds;
            timeline = from.timeline;
            dispatchedAt = from.dispatchedAt;
            endedAt = from.endedAt;
        }

        Builder hamsaCallId(String v) { hamsaCallId = v; return this; }
        Builder hamsaConversationId(String v) { hamsaConversationId = v; return this; }
        Builder status(CallStatus v) { status = v; return this; }
        Builder transcript(List<TranscriptLine> v) { transcript = v; return this; }
        Builder recordingUrl(String v) { recordingUrl = v; return this; }
        Builder outcome(Map<String, Object> v) { outcome = v; return this; }
        Builder failureReason(String v) { failureReason = v; return this; }
        Builder durationSeconds(Integer v) { durationSeconds = v; return this; }
        Builder timeline(List<TimelineEntry> v) { timeline = v; return this; }
        Builder dispatchedAt(Instant v) { dispatchedAt = v; return this; }
        Builder endedAt(Instant v) { endedAt = v; return this; }

        Call build() {
            Instant updated = now.isBefore(from.updatedAt) ? from.updatedAt : now;
            return new Call(from.id, from.team, from.agentId, from.hamsaAgentId, from.channel, from.toNumber,
                    from.fromNumber, from.params, from.externalId, hamsaCallId, hamsaConversationId, status, transcript,
                    recordingUrl, outcome, failureReason, durationSeconds, timeline, from.createdAt, updated,
                    dispatchedAt, endedAt, from.version + 1);
        }
    }
}
