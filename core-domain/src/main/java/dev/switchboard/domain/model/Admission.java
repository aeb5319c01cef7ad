package dev.switchboard.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a team's request fits its limit, and where the team stands in the current window.
 *
 * @param counted false when the counter could not be reached and the request was let through uncounted
 */
public record Admission(boolean allowed, int limit, int remaining, Duration resetAfter, Duration window, boolean counted) {

    public Admission {
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(window, "window");
        remaining = Math.max(0, remaining);
    }
}
