package dev.switchboard.adapters.web.guard;

/** A response body that names its outcome with a stable code (the problem+json body does); the audit keeps the code. */
public interface CodedOutcome {

    String code();
}
