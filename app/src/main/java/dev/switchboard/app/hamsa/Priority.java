package dev.switchboard.app.hamsa;

/** Who is waiting for a Hamsa call: a team holding a request open goes before work nobody waits on. */
public enum Priority {
    /** A team's synchronous request: bounded wait, then 503 with Retry-After. */
    INTERACTIVE,
    /** Call dispatch, reconciliation, sync: waits as long as it takes. */
    BACKGROUND
}
