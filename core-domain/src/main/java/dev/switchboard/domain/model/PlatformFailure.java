package dev.switchboard.domain.model;

/** The kinds of failure the voice platform (Hamsa) can answer with; each calls for a different reaction. */
public enum PlatformFailure {
    /** The platform refused the request as invalid; retrying the same request cannot help. */
    VALIDATION,
    /** Our credentials were refused: an operator must fix the configuration. */
    AUTH,
    /** The platform has no such resource. */
    NOT_FOUND,
    /** The platform's quota is used up; retry after the given delay. */
    RATE_LIMITED,
    /** The platform failed or could not be reached; retry later. */
    UNAVAILABLE,
    /** The platform did not answer in time, or the connection dropped before it did: the request may or may not have taken effect. */
    TIMEOUT,
    /** The platform answered success with a body Switchboard cannot read: a contract change to look into. */
    BAD_RESPONSE,
    /**
     * Switchboard stopped calling this part of the platform after repeated failures and has not sent the
     * request; it tries again after the given delay.
     */
    CIRCUIT_OPEN,
    /**
     * Switchboard's share of the platform quota is spoken for: the request could not be sent within the
     * caller's bounded wait and was not sent at all; retry after the given delay.
     */
    BUSY
}
