package dev.switchboard.domain.model;

/** A request's idempotency key cannot be used for it: the first request with it is running, or was different. */
public final class IdempotencyConflictException extends DomainException {

    private final boolean inProgress;

    private IdempotencyConflictException(String message, boolean inProgress) {
        super(message);
        this.inProgress = inProgress;
    }

    public static IdempotencyConflictException stillRunning() {
        return new IdempotencyConflictException("The first request with this idempotency key is still running", true);
    }

    public static IdempotencyConflictException reusedForAnotherRequest() {
        return new IdempotencyConflictException("This idempotency key was used for a different request", false);
    }

    public boolean isInProgress() {
        return inProgress;
    }
}
