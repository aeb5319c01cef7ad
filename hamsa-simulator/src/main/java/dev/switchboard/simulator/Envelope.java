package dev.switchboard.simulator;

/**
 * Which of Hamsa's two published response shapes the simulator speaks.
 *
 * <p>Hamsa's integration guide and its API reference disagree on the envelope and on the agent
 * shape; Switchboard's client must cope with both, so the simulator can play either.
 */
public enum Envelope {
    /** {@code {"success", "data"}} / {@code {"success": false, "error": {code, message, details}}}, flat agents. */
    GUIDE,
    /** {@code {"success", "message", "messageKey", "data"}} / {@code {"message", "messageKey"}}, nested agents. */
    DOCS
}
