package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.UUID;

/** Switchboard's own identity for a web tool. */
public record WebToolId(UUID value) {

    public WebToolId {
        Objects.requireNonNull(value, "value");
    }

    public static WebToolId newId() {
        return new WebToolId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; an id that is not a UUID can name no tool, so it is "not found". */
    public static WebToolId parse(String text) {
        try {
            return new WebToolId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WebToolNotFoundException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
