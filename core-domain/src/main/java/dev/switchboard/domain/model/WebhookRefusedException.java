package dev.switchboard.domain.model;

/** A webhook delivery Switchboard will not store: who sent it cannot be trusted, or it is about nothing Switchboard knows. */
public final class WebhookRefusedException extends DomainException {

    /** Why; each reason has its own answer. */
    public enum Reason {
        /** No credentials, not the ones this call was given, or no such call (the same answer, on purpose). */
        BAD_CREDENTIALS,
        /** The event names another agent or project than the call the path names. */
        MISMATCH
    }

    private final Reason reason;

    public WebhookRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
