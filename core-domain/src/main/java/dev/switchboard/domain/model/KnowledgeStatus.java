package dev.switchboard.domain.model;

import java.util.Locale;

/**
 * Where Hamsa is with an item: it takes an item in as PENDING, processes it, and ends COMPLETED (agents can
 * use it) or FAILED (with a reason). Hamsa's own words, as it reports them.
 */
public enum KnowledgeStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    /** Hamsa's status text; anything it might add later reads as still processing rather than as an error. */
    public static KnowledgeStatus fromPlatform(String text) {
        if (text == null || text.isBlank()) {
            return PENDING;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "PENDING", "QUEUED", "CREATED" -> PENDING;
            case "COMPLETED", "COMPLETE", "DONE", "READY", "SUCCESS", "PROCESSED" -> COMPLETED;
            case "FAILED", "FAILURE", "ERROR" -> FAILED;
            default -> PROCESSING;
        };
    }

    /** Whether Hamsa may still change it by itself, so Switchboard should keep asking. */
    public boolean settling() {
        return this == PENDING || this == PROCESSING;
    }
}
