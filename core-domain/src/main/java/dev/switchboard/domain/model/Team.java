package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A team that uses Switchboard.
 *
 * @param requestsPerMinute the team's own request limit; null means the service default
 */
public record Team(TeamId id, String name, Integer requestsPerMinute, Instant createdAt) {

    public static final int NAME_MAX = 100;
    public static final int REQUESTS_PER_MINUTE_MAX = 1_000_000;

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        checkName(name);
        checkRequestsPerMinute(requestsPerMinute);
    }

    public static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > NAME_MAX) {
            throw InvalidInputException.of("name", "must be 1 to " + NAME_MAX + " characters");
        }
    }

    public static void checkRequestsPerMinute(Integer requestsPerMinute) {
        if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > REQUESTS_PER_MINUTE_MAX)) {
            throw InvalidInputException.of("requestsPerMinute", "must be between 1 and " + REQUESTS_PER_MINUTE_MAX);
        }
    }

    public Optional<Integer> ownRequestLimit() {
        return Optional.ofNullable(requestsPerMinute);
    }

    public Team withRequestsPerMinute(Integer limit) {
        return new Team(id, name, limit, createdAt);
    }
}
