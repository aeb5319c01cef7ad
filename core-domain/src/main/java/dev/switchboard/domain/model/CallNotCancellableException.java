package dev.switchboard.domain.model;

/** Only a call still waiting in Switchboard's queue can be cancelled; once Hamsa may have it, it is too late. */
public final class CallNotCancellableException extends DomainException {

    private final CallId id;
    private final CallStatus status;

    public CallNotCancellableException(CallId id, CallStatus status) {
        super("Call " + id + " is " + status + " and can no longer be cancelled");
        this.id = id;
        this.status = status;
    }

    public CallId id() {
        return id;
    }

    public CallStatus status() {
        return status;
    }
}
