package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.PlatformException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before each retry of one Hamsa call: what Hamsa asked for ({@code Retry-After}, else the time to
 * {@code X-RateLimit-Reset}) when it said; otherwise 1, 2, 4, 8 s (from the initial delay), each with up to
 * {@code jitter} of itself added at random so replicas do not retry in step. SmallRye makes one per call.
 */
final class HamsaBackoff implements CustomBackoffStrategy {

    private final long initialMillis;
    private final double jitter;
    private int retries;

    HamsaBackoff(Duration initial, double jitter) {
        this.initialMillis = initial.toMillis();
        this.jitter = jitter;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long exponential = initialMillis << Math.min(retries++, 20);
        if (cause instanceof PlatformException e && e.retryAfter().filter(d -> !d.isZero()).isPresent()) {
            return e.retryAfter().get().toMillis();
        }
        return exponential + (long) (exponential * jitter * ThreadLocalRandom.current().nextDouble());
    }

    /** Whether Hamsa asked for a wait longer than {@code max}: then the caller is told to come back instead. */
    static boolean asksMoreThan(Throwable cause, Duration max) {
        return cause instanceof PlatformException e && e.retryAfter().map(w -> w.compareTo(max) > 0).orElse(false);
    }
}
