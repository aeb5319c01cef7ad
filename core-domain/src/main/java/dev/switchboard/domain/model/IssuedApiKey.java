package dev.switchboard.domain.model;

import java.util.Objects;

/** A key just created: the only moment its secret exists outside the caller's hands. */
public record IssuedApiKey(ApiKey key, String token) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key.id() + ", token=<hidden>]";
    }
}
