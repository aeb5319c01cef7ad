package dev.switchboard.adapters.web.guard;

/** A response body that names its outcome with a stable code (the problem+json body does); the audit keeps the code. */
public interface CodedOutcome {

    String code();

    /**
     * Whether the request may have been carried out although the answer is a failure: an idempotent request
     * then keeps this answer for its key instead of releasing the key, so a retry cannot do it twice.
     */
    default boolean outcomeUnknown() {
        return false;
    }
}
