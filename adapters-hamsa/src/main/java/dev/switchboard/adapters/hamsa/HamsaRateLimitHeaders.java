package dev.switchboard.adapters.hamsa;

import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.PlatformTraffic;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Reads Hamsa's {@code X-RateLimit-*} headers off every answer, success or failure, and reports them. */
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
        Integer limit = integer(response.getHeaderString("X-RateLimit-Limit"));
        Integer remaining = integer(response.getHeaderString("X-RateLimit-Remaining"));
        Integer reset = integer(response.getHeaderString("X-RateLimit-Reset"));
        if (limit == null && remaining == null) {
            return;
        }
        Duration resetIn = reset == null ? null : Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
        traffic.observed(new UpstreamLimits(limit, remaining, resetIn));
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
