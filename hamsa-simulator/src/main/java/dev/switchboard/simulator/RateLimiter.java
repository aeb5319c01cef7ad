package dev.switchboard.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sliding-window request counting per API key: a request is allowed iff fewer than {@code limit}
 * requests were allowed for its key within the last window {@code (now - window, now]}. Unlike fixed
 * windows, this never lets a client through twice the limit across a window boundary, so a client
 * that stays under it here stays under any window Hamsa might draw.
 *
 * <p>One lock for all keys: the work per request is a few array operations, and one lock gives every
 * request a single place in time, which the statistics need.
 */
final class RateLimiter {

    /** Beyond this many tracked keys, keys with nothing left in their window are dropped so load runs with many keys stay bounded. */
    private static final int EVICTION_THRESHOLD = 10_000;

    /** The longest window, as the command line has always taken it; keeps millisecond arithmetic far from overflow. */
    static final long MAX_WINDOW_SECONDS = Integer.MAX_VALUE;

    record Policy(int limit, Duration window) {
        Policy {
            Objects.requireNonNull(window, "window");
            if (limit < 0) {
                throw new IllegalArgumentException("rate limit must not be negative, was " + limit);
            }
            if (window.compareTo(Duration.ofMillis(1)) < 0
                    || window.compareTo(Duration.ofSeconds(MAX_WINDOW_SECONDS)) > 0) {
                throw new IllegalArgumentException(
                        "rate-limit window must be between 1 ms and " + MAX_WINDOW_SECONDS + " s, was " + window);
            }
        }
    }

    /**
     * @param remaining         slots left in the window after this request, never negative
     * @param resetEpochSeconds when the next slot frees (the oldest allowed request in the window leaves
     *                          it), rounded up; {@code now + window} when the window is empty
     * @param retryAfterSeconds seconds until then, rounded up, at least 1
     */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private final Clock clock;
    /** Times of the allowed requests still in the window, per key; guarded by {@code this}. */
    private final Map<String, TimeQueue> allowedByKey = new HashMap<>();
    private final TrafficStats stats = new TrafficStats();
    private Policy policy;
    private long latestMillis = Long.MIN_VALUE;
    private long nextSweepMillis = Long.MIN_VALUE;

    RateLimiter(Clock clock, Policy policy) {
        this.clock = clock;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    synchronized Policy policy() {
        return policy;
    }

    /** Counts and statistics from the old policy would be meaningless under a new window, so they are dropped. */
    synchronized void setPolicy(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        clear();
    }

    /** Drops the counts and zeroes the statistics. */
    synchronized void clear() {
        allowedByKey.clear();
        nextSweepMillis = Long.MIN_VALUE;
        stats.clear();
    }

    synchronized RateLimitStats stats() {
        return stats.snapshot(policy.limit(), policy.window());
    }

    /** Zeroes the statistics, not the counts; returns them as they were just before, so none fall between a read and a clear. */
    synchronized RateLimitStats clearStats() {
        RateLimitStats before = stats();
        stats.clear();
        return before;
    }

    /** Every 429 the simulator answers, whichever step chose it, is counted here, before it is sent. */
    synchronized void countTooManyRequestsSent() {
        stats.countTooManyRequestsSent();
    }

    /** How many keys hold times; for tests of the eviction. */
    synchronized int trackedKeys() {
        return allowedByKey.size();
    }

    synchronized Decision acquire(String key) {
        long now = now();
        int limit = policy.limit();
        long windowMillis = policy.window().toMillis();
        long cutoff = now - windowMillis;

        TimeQueue allowedTimes = allowedByKey.get(key);
        if (allowedTimes != null) {
            allowedTimes.dropUpTo(cutoff);
        }
        int inWindow = allowedTimes == null ? 0 : allowedTimes.size();
        boolean allowed = inWindow < limit;
        if (allowed) {
            if (allowedTimes == null) {
                allowedTimes = new TimeQueue();
                allowedByKey.put(key, allowedTimes);
            }
            allowedTimes.addLast(now);
            inWindow++;
        }
        stats.arrive(now, allowed, windowMillis);
        evictIdleKeys(now, cutoff, windowMillis);

        // Counts are dropped whenever the policy changes, so a key never holds more than `limit`
        // times and the oldest one is the one whose leaving frees a slot. With limit 0 no slot ever
        // frees; a full window is the honest "not soon".
        long slotFreesAt = inWindow == 0 ? now + windowMillis : allowedTimes.first() + windowMillis;
        int remaining = Math.max(0, limit - inWindow);
        long resetEpochSeconds = ceilDiv(slotFreesAt, 1000);
        long retryAfterSeconds = Math.max(1, ceilDiv(slotFreesAt - now, 1000));
        return new Decision(allowed, limit, remaining, resetEpochSeconds, retryAfterSeconds);
    }

    /**
     * A wall clock stepped back (NTP) is held still instead, so the times in every queue stay in
     * order and "left the window" stays a look at the front of a queue.
     */
    private long now() {
        latestMillis = Math.max(latestMillis, clock.millis());
        return latestMillis;
    }

    /**
     * At most once per window, so a run with more live keys than the threshold does not sweep on
     * every request: between sweeps the map grows by the keys new in one window at most.
     */
    private void evictIdleKeys(long now, long cutoff, long windowMillis) {
        if (allowedByKey.size() <= EVICTION_THRESHOLD || now < nextSweepMillis) {
            return;
        }
        allowedByKey.values().removeIf(times -> {
            times.dropUpTo(cutoff);
            return times.isEmpty();
        });
        nextSweepMillis = now + windowMillis;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
