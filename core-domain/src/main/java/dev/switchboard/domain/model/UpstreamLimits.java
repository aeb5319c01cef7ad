package dev.switchboard.domain.model;

import java.time.Duration;
import java.util.Optional;

/**
 * What the platform said about its quota on one answer ({@code X-RateLimit-*}, {@code Retry-After}). Any part
 * may be missing. {@code resetIn} is relative, so replicas and the shared store need not agree on the time.
 */
public record UpstreamLimits(Integer limit, Integer remaining, Duration resetIn) {

    public UpstreamLimits {
        if (resetIn != null && resetIn.isNegative()) {
            resetIn = Duration.ZERO;
        }
    }

    /** The platform refused a request for quota and asked for this wait. */
    public static UpstreamLimits exhaustedFor(Duration wait) {
        return new UpstreamLimits(null, 0, wait);
    }

    public Optional<Integer> limitValue() {
        return Optional.ofNullable(limit);
    }

    /** The platform's quota is used up: nothing more is to be sent before {@code resetIn}. */
    public boolean exhausted() {
        return remaining != null && remaining <= 0 && resetIn != null;
    }
}
