package dev.switchboard.simulator;

/**
 * Where a simulated call is in its lifecycle. A call is {@code PENDING} when accepted,
 * {@code IN_PROGRESS} once {@code call.started} is played, and ends {@code COMPLETED},
 * {@code NO_ANSWER} or {@code FAILED} when {@code call.ended} is played. (Hamsa also documents
 * {@code FORWARDED} and {@code TERMINATED}; the simulator never produces them, but its list
 * endpoints accept them as filters.)
 */
public enum CallStatus {
    PENDING,
    IN_PROGRESS,
    COMPLETED,
    NO_ANSWER,
    FAILED;

    /** True for the three statuses a call ends in. */
    public boolean isFinal() {
        return this == COMPLETED || this == NO_ANSWER || this == FAILED;
    }
}
