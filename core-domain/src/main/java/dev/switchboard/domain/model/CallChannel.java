package dev.switchboard.domain.model;

/**
 * How a call reaches its person: a phone call Hamsa dials, or a web conversation Hamsa opens
 * ({@code conversation-init}) for a browser to join with the job id it returns.
 */
public enum CallChannel {
    PHONE,
    WEB
}
