package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.UUID;

/** A product team: the owner of every agent, call, knowledge item and tool it creates. */
public record TeamId(UUID value) {

    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    public static TeamId newId() {
        return new TeamId(UUID.randomUUID());
    }

    /** Parses an id from a path; one that is not a UUID can name no team, so it is "not found". */
    public static TeamId parse(String text) {
        try {
            return new TeamId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TeamNotFoundException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
