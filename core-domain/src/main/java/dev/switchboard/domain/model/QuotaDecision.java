package dev.switchboard.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of the upstream quota to a request for one permit.
 *
 * @param granted whether a permit was reserved
 * @param delay   when granted, how long the caller must wait before using it (zero: use it now); when
 *                refused, how long until a permit could be reserved within the caller's limit
 */
public record QuotaDecision(boolean granted, Duration delay) {

    public QuotaDecision {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
    }

    public static QuotaDecision grantedAfter(Duration wait) {
        return new QuotaDecision(true, wait);
    }

    public static QuotaDecision refused(Duration wait) {
        return new QuotaDecision(false, wait);
    }
}
