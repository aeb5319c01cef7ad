package dev.switchboard.domain.model;

/** How a call reaches its person: a phone call Hamsa dials. */
public enum CallChannel {
    PHONE
}
