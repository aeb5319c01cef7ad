package dev.switchboard.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The platform's request quota as Switchboard spends it: {@code limit} requests per {@code window}, of which
 * {@code headroom} are left unspent so that clock jitter and network delays between Switchboard and the
 * platform cannot push the platform's own count over the limit.
 *
 * <p>Requests are paced one per {@link #interval()}: spread evenly, at most {@link #spendable()} can fall
 * into any window, wherever it starts, so a platform that counts a sliding window never refuses one.
 */
public record QuotaPolicy(int limit, Duration window, int headroom) {

    public QuotaPolicy {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("quota limit must be at least 1, was " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("quota window must be at least 1 ms, was " + window);
        }
        if (headroom < 0 || headroom >= limit) {
            throw new IllegalArgumentException("quota headroom must be between 0 and limit - 1, was " + headroom);
        }
    }

    /** Requests Switchboard spends per window. */
    public int spendable() {
        return limit - headroom;
    }

    /** The time between two requests. */
    public Duration interval() {
        return window.dividedBy(spendable());
    }

    /** The same window with a lower limit (what the platform says it allows, when that is less). */
    public QuotaPolicy withLimitAtMost(int observedLimit) {
        if (observedLimit >= limit || observedLimit < 1) {
            return this;
        }
        return new QuotaPolicy(observedLimit, window, Math.min(headroom, observedLimit - 1));
    }

    /** A replica's own share when the shared count cannot be reached: a fraction of the spendable quota. */
    public QuotaPolicy share(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + fraction);
        }
        int shareLimit = Math.max(1, (int) Math.floor(spendable() * fraction));
        return new QuotaPolicy(shareLimit, window, 0);
    }
}
