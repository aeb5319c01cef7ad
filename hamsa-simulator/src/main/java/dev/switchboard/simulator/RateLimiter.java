package dev.switchboard.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counting per API key: a window starts at {@code floor(now / window) * window},
 * so every key shares the same window boundaries, as Hamsa's do.
 */
final class RateLimiter {

    /** Beyond this many tracked keys, counters from past windows are dropped so load runs with many keys stay bounded. */
    private static final int EVICTION_THRESHOLD = 10_000;

    record Policy(int limit, Duration window) {
        Policy {
            Objects.requireNonNull(window, "window");
            if (limit < 0) {
                throw new IllegalArgumentException("rate limit must not be negative, was " + limit);
            }
            if (window.toMillis() < 1) {
                throw new IllegalArgumentException("rate-limit window must be at least 1 ms, was " + window);
            }
        }
    }

    record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private record Window(long startMillis, int count) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Policy policy;

    RateLimiter(Clock clock, Policy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    Policy policy() {
        return policy;
    }

    /** Counts from the old policy would be meaningless under a new window, so they are dropped. */
    void setPolicy(Policy policy) {
        this.policy = policy;
        windows.clear();
    }

    void clear() {
        windows.clear();
    }

    Decision acquire(String key) {
        Policy current = policy;
        long now = clock.millis();
        long windowMillis = current.window().toMillis();
        long start = Math.floorDiv(now, windowMillis) * windowMillis;
        long end = start + windowMillis;

        boolean[] allowed = new boolean[1];
        Window window = windows.compute(key, (k, existing) -> {
            Window base = existing == null || existing.startMillis() != start ? new Window(start, 0) : existing;
            if (base.count() >= current.limit()) {
                return base;
            }
            allowed[0] = true;
            return new Window(start, base.count() + 1);
        });
        if (windows.size() > EVICTION_THRESHOLD) {
            windows.values().removeIf(w -> w.startMillis() < start);
        }

        int remaining = Math.max(0, current.limit() - window.count());
        long resetEpochSeconds = ceilDiv(end, 1000);
        long retryAfterSeconds = Math.max(1, ceilDiv(end - now, 1000));
        return new Decision(allowed[0], current.limit(), remaining, resetEpochSeconds, retryAfterSeconds);
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
