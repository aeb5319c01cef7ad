package dev.switchboard.domain.model;

/** A team sent more requests in the current window than its limit allows. */
public final class RequestLimitExceededException extends DomainException {

    private final Admission admission;

    public RequestLimitExceededException(Admission admission) {
        super("Request limit of " + admission.limit() + " per window reached");
        this.admission = admission;
    }

    public Admission admission() {
        return admission;
    }
}
