package dev.switchboard.domain.model;

import java.util.Objects;

/**
 * An event to be stored in the inbox before it is acknowledged. {@code dedupKey} is unique: a second entry
 * with the same key is a repeat and is not stored again.
 *
 * @param body the envelope as it arrived, kept verbatim; null for an event Switchboard derived itself
 */
public record InboxEntry(String dedupKey, CallId callId, HamsaEvent event, String body) {

    public InboxEntry {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(event, "event");
    }
}
