package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.UUID;

/** Switchboard's identity for a call; also the correlation Switchboard gives Hamsa in the call's params. */
public record CallId(UUID value) {

    public CallId {
        Objects.requireNonNull(value, "value");
    }

    public static CallId newId() {
        return new CallId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; an id that is not a UUID can name no call, so it is "not found". */
    public static CallId parse(String text) {
        try {
            return new CallId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CallNotFoundException(String.valueOf(text));
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
