package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent a request: the team and the key it used, what that key may do, and the team's own
 * request limit if it has one.
 */
public record Caller(TeamId team, ApiKeyId key, Set<Scope> scopes, Integer requestsPerMinute) {

    public Caller {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(key, "key");
        scopes = Set.copyOf(scopes);
    }

    public Optional<Integer> ownRequestLimit() {
        return Optional.ofNullable(requestsPerMinute);
    }
}
