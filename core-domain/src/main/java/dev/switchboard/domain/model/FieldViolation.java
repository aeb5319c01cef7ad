package dev.switchboard.domain.model;

import java.util.Objects;

/** One reason a field of a request was refused, in words a client can act on. */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
