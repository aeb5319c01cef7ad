package dev.switchboard.adapters.hamsa;

import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.PlatformTraffic;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads Hamsa's {@code X-RateLimit-*} headers off every answer, success or failure, and reports them; also the
 * one reader of those headers' numbers for the rest of the adapter.
 */
final class HamsaRateLimitHeaders implements ClientResponseFilter {

    private final PlatformTraffic traffic;
    private final Clock clock;

    HamsaRateLimitHeaders(PlatformTraffic traffic, Clock clock) {
        this.traffic = traffic;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        // The REST client also runs response filters when no answer came (a read timeout): nothing to read then.
        if (response == null || response.getHeaders() == null) {
            return;
        }
        Optional<Long> limit = number(response.getHeaderString("X-RateLimit-Limit"));
        Optional<Long> remaining = number(response.getHeaderString("X-RateLimit-Remaining"));
        if (limit.isEmpty() && remaining.isEmpty()) {
            return;
        }
        traffic.observed(new UpstreamLimits(limit.map(Long::intValue).orElse(null),
                remaining.map(Long::intValue).orElse(null),
                resetIn(clock, response.getHeaderString("X-RateLimit-Reset")).orElse(null)));
    }

    /** A header's whole number, if it holds one. */
    static Optional<Long> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The time from now until an {@code X-RateLimit-Reset} (epoch seconds); zero once it has passed. */
    static Optional<Duration> resetIn(Clock clock, String value) {
        return number(value).map(epoch -> atLeastZero(Duration.between(clock.instant(), Instant.ofEpochSecond(epoch))));
    }

    static Duration atLeastZero(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
