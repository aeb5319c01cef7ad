package dev.switchboard.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulator plays the calls it accepts and delivers their webhooks. A call plays by the
 * script in effect when it was accepted.
 *
 * @param outcome             how calls end, unless a call's params say otherwise with
 *                            {@code "sim_outcome": "NO_ANSWER"} (or {@code COMPLETED}, {@code FAILED})
 * @param stepDelayMillis     pause before each step of a call (the first one included)
 * @param transcriptTurns     transcript lines of a completed call (Agent and User alternating)
 * @param copies              how many times each event is delivered
 * @param shuffle             deliver a call's events in a random order (seeded by the fault seed) once
 *                            its last step has played; the steps still play in order
 * @param dropEventTypes      event types never delivered (the steps are still played)
 * @param deliveryDelayMillis extra wait before each delivery
 * @param autoPlay            false: accept calls but play nothing; they stay {@code PENDING}
 * @param maxAttempts         attempts per delivery, the first included; a delivery that gets no 2xx
 *                            answer (or an I/O failure, or no answer within 5 s) is retried
 * @param retryBackoffMillis  wait before the first retry, doubled before each next one
 */
public record CallScript(
        Outcome outcome,
        long stepDelayMillis,
        int transcriptTurns,
        int copies,
        boolean shuffle,
        Set<String> dropEventTypes,
        long deliveryDelayMillis,
        boolean autoPlay,
        int maxAttempts,
        long retryBackoffMillis) {

    /** How a call ends. */
    public enum Outcome { COMPLETED, NO_ANSWER, FAILED }

    public static final String CALL_STARTED = "call.started";
    public static final String CALL_ANSWERED = "call.answered";
    public static final String TRANSCRIPTION_UPDATE = "transcription.update";
    public static final String TOOL_EXECUTED = "tool.executed";
    public static final String CALL_ENDED = "call.ended";

    /** Every event type Hamsa sends, in the order a completed call sends them. */
    public static final List<String> EVENT_TYPES =
            List.of(CALL_STARTED, CALL_ANSWERED, TRANSCRIPTION_UPDATE, TOOL_EXECUTED, CALL_ENDED);

    /** Upper bounds that keep a typo from scheduling a call for a week. */
    static final long MAX_DELAY_MILLIS = 600_000;
    static final int MAX_TURNS = 1_000;
    static final int MAX_COPIES = 100;
    static final int MAX_ATTEMPTS = 20;

    public CallScript {
        Objects.requireNonNull(outcome, "outcome");
        requireIn("stepDelayMillis", stepDelayMillis, 0, MAX_DELAY_MILLIS);
        requireIn("transcriptTurns", transcriptTurns, 0, MAX_TURNS);
        requireIn("copies", copies, 1, MAX_COPIES);
        dropEventTypes = Set.copyOf(Objects.requireNonNull(dropEventTypes, "dropEventTypes"));
        for (String type : dropEventTypes) {
            if (!EVENT_TYPES.contains(type)) {
                // Silently dropping nothing would leave the test believing it checks something.
                throw new IllegalArgumentException("dropEventTypes: unknown event type '" + type
                        + "', expected one of " + EVENT_TYPES);
            }
        }
        requireIn("deliveryDelayMillis", deliveryDelayMillis, 0, MAX_DELAY_MILLIS);
        requireIn("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS);
        requireIn("retryBackoffMillis", retryBackoffMillis, 0, MAX_DELAY_MILLIS);
    }

    /** Completed calls, 200 ms between steps, 4 transcript lines, each event once in order, 5 attempts 500 ms apart (doubling). */
    public static CallScript defaults() {
        return new CallScript(Outcome.COMPLETED, 200, 4, 1, false, Set.of(), 0, true, 5, 500);
    }

    public CallScript withOutcome(Outcome outcome) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    public CallScript withStepDelayMillis(long stepDelayMillis) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    public CallScript withTranscriptTurns(int transcriptTurns) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    public CallScript withCopies(int copies) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    public CallScript withShuffle(boolean shuffle) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    public CallScript withDropEventTypes(Set<String> dropEventTypes) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    public CallScript withDeliveryDelayMillis(long deliveryDelayMillis) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    public CallScript withAutoPlay(boolean autoPlay) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    /** Attempts per delivery and the wait before the first retry (doubled before each next one). */
    public CallScript withRetries(int maxAttempts, long retryBackoffMillis) {
        return new CallScript(outcome, stepDelayMillis, transcriptTurns, copies, shuffle, dropEventTypes,
                deliveryDelayMillis, autoPlay, maxAttempts, retryBackoffMillis);
    }

    /** Parses an outcome name as written in JSON ({@code "NO_ANSWER"}); null when it names none. */
    static Outcome outcomeNamed(String name) {
        for (Outcome candidate : Outcome.values()) {
            if (candidate.name().equals(name.toUpperCase(Locale.ROOT))) {
                return candidate;
            }
        }
        return null;
    }

    private static void requireIn(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
