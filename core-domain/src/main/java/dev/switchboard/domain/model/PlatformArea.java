package dev.switchboard.domain.model;

/**
 * A group of platform operations that fail together: each has its own circuit breaker, so an outage of one
 * part of the platform does not stop Switchboard calling the others.
 */
public enum PlatformArea {
    AGENTS,
    /** Placing calls and reading Hamsa's record of them. */
    CALLS,
    /** The knowledge base: items, their URLs and activation. */
    KNOWLEDGE,
    /** Web tools: their definitions, activation and test calls. */
    TOOLS
}
