package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.UUID;

/** The public name of an API key: safe to log and to show; the key's secret is never derived from it. */
public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId newId() {
        return new ApiKeyId(UUID.randomUUID());
    }

    public static ApiKeyId parse(String text) {
        try {
            return new ApiKeyId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiKeyNotFoundException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
