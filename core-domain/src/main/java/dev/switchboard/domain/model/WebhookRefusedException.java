package dev.switchboard.domain.model;

/** A webhook delivery Switchboard will not store: who sent it cannot be trusted, or it is about nothing Switchboard knows. */
public final class WebhookRefusedException extends DomainException {

    /** Why; each reason has its own answer. */
    public enum Reason {
        /** No credentials, or not the ones this call (or agent) was given. */
        BAD_CREDENTIALS,
        /** The path names no call Switchboard placed. */
        UNKNOWN_CALL,
        /** The event names another agent, project or Hamsa call than the one the path names. */
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
