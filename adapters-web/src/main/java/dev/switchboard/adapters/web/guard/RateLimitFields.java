package dev.switchboard.adapters.web.guard;

import dev.switchboard.domain.model.Admission;
import java.time.Duration;

/**
 * The RateLimit fields of draft-ietf-httpapi-ratelimit-headers, written the same way on every answer:
 * an admitted request's and a refused one's.
 */
public final class RateLimitFields {

    public static final String POLICY = "RateLimit-Policy";
    public static final String STATE = "RateLimit";

    private RateLimitFields() {
    }

    /** The team's policy: {@code q} requests per {@code w} seconds. */
    public static String policy(Admission admission) {
        return "\"team\";q=" + admission.limit() + ";w=" + admission.window().toSeconds();
    }

    /** Where the team stands: {@code r} requests left, {@code t} seconds until the window resets. */
    public static String state(Admission admission) {
        return "\"team\";r=" + admission.remaining() + ";t=" + wholeSeconds(admission.resetAfter());
    }

    /** Rounded up, so that a client that waits this long is never early. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(0, (wait.toMillis() + 999) / 1000);
    }
}
