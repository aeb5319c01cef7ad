package dev.switchboard.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a call is. Statuses only move forward, in rank order; the four final ones end the call, and nothing
 * moves a call out of a final status. A late or repeated event therefore never moves a call back.
 */
public enum CallStatus {
    /** Stored, waiting for its turn to be sent to Hamsa. */
    QUEUED(0),
    /** Hamsa accepted it (we hold its call id). */
    DISPATCHED(1),
    /** Hamsa began the call ({@code call.started}). */
    STARTED(2),
    /** The person picked up ({@code call.answered}). */
    ANSWERED(3),
    COMPLETED(4),
    NO_ANSWER(4),
    FAILED(4),
    /** Cancelled by its team before it was sent to Hamsa. */
    CANCELLED(4);

    private final int rank;

    CallStatus(int rank) {
        this.rank = rank;
    }

    public boolean isFinal() {
        return rank == 4;
    }

    /** Whether a call in this status may move to {@code next}: only forward, and never out of a final status. */
    public boolean canMoveTo(CallStatus next) {
        return !isFinal() && next.rank > rank;
    }

    /** The later of this status and {@code next}, by the rules of {@link #canMoveTo}. */
    public CallStatus advancedTo(CallStatus next) {
        return canMoveTo(next) ? next : this;
    }

    /**
     * Hamsa's conversation statuses mapped onto Switchboard's (docs/api.md has the table): PENDING is a
     * dispatched call, IN_PROGRESS a started one, FORWARDED a completed one (the agent handed the person
     * on), TERMINATED a failed one (ended by Hamsa before it finished). Anything else is unknown.
     */
    public static Optional<CallStatus> fromHamsa(String hamsaStatus) {
        if (hamsaStatus == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (hamsaStatus.trim().toUpperCase(Locale.ROOT)) {
            case "PENDING", "QUEUED" -> DISPATCHED;
            case "IN_PROGRESS", "STARTED" -> STARTED;
            case "ANSWERED" -> ANSWERED;
            case "COMPLETED", "FORWARDED", "ENDED" -> COMPLETED;
            case "NO_ANSWER", "NOANSWER", "BUSY" -> NO_ANSWER;
            case "FAILED", "TERMINATED", "ERROR" -> FAILED;
            default -> null;
        });
    }

    /** Parses a client's filter value. */
    public static CallStatus parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInputException.of(field, "must be one of QUEUED, DISPATCHED, STARTED, ANSWERED, COMPLETED,"
                    + " NO_ANSWER, FAILED, CANCELLED");
        }
    }
}
