package dev.switchboard.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The counts behind {@link RateLimitStats}. The most arrivals in any window is kept incrementally: an
 * interval holding the most arrivals can be slid right until it ends at one of them, so it is enough
 * to count, at each arrival {@code t}, the arrivals in {@code (t - window, t]}; a queue of the recent
 * arrival times makes that O(1) amortised, and memory is what one window holds, not the whole run.
 *
 * <p>Not thread-safe: {@link RateLimiter} calls it under its lock, which also gives the times in order.
 */
final class TrafficStats {

    private final TimeQueue recentArrivals = new TimeQueue();
    private final TimeQueue recentAllowed = new TimeQueue();
    private long arrivals;
    private long allowed;
    private long refused;
    private long tooManyRequestsSent;
    private long maxArrivalsInAnyWindow;
    private long maxAllowedInAnyWindow;
    private long firstArrivalMillis;
    private long lastArrivalMillis;

    void arrive(long nowMillis, boolean wasAllowed, long windowMillis) {
        long cutoff = nowMillis - windowMillis;
        if (arrivals == 0) {
            firstArrivalMillis = nowMillis;
        }
        lastArrivalMillis = nowMillis;
        arrivals++;
        maxArrivalsInAnyWindow = Math.max(maxArrivalsInAnyWindow, countInWindow(recentArrivals, nowMillis, cutoff));
        if (wasAllowed) {
            allowed++;
            maxAllowedInAnyWindow = Math.max(maxAllowedInAnyWindow, countInWindow(recentAllowed, nowMillis, cutoff));
        } else {
            refused++;
        }
    }

    void countTooManyRequestsSent() {
        tooManyRequestsSent++;
    }

    RateLimitStats snapshot(int limit, Duration window) {
        return new RateLimitStats(limit, window, arrivals, allowed, refused, tooManyRequestsSent,
                maxArrivalsInAnyWindow, maxAllowedInAnyWindow,
                arrivals == 0 ? null : Instant.ofEpochMilli(firstArrivalMillis),
                arrivals == 0 ? null : Instant.ofEpochMilli(lastArrivalMillis));
    }

    void clear() {
        recentArrivals.clear();
        recentAllowed.clear();
        arrivals = 0;
        allowed = 0;
        refused = 0;
        tooManyRequestsSent = 0;
        maxArrivalsInAnyWindow = 0;
        maxAllowedInAnyWindow = 0;
    }

    private static long countInWindow(TimeQueue recent, long nowMillis, long cutoff) {
        recent.dropUpTo(cutoff);
        recent.addLast(nowMillis);
        return recent.size();
    }
}
