package dev.switchboard.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What the rate limiter saw since its statistics were last zeroed, counted across all keys together:
 * what a test or a benchmark reads to prove that a client kept under the limit. Zeroed by
 * {@link HamsaSimulator#clearRateLimitStats()}, {@link HamsaSimulator#reset()} and any change of the
 * rate limit.
 *
 * <p>"In any window" means within any half-open interval of length {@code window}, wherever it
 * starts, not only in windows aligned to some clock.
 *
 * @param limit                  the limit in force
 * @param window                 the window in force
 * @param arrivals               API requests that reached the rate limiter: every API request, with
 *                               or without a valid key, including those later answered by a scripted
 *                               failure or an injected fault
 * @param allowed                arrivals the limiter let through, whatever was answered after
 * @param refused                arrivals the limiter answered 429
 * @param tooManyRequestsSent    every 429 the simulator answered: the limiter's, scripted ones and
 *                               injected ones
 * @param maxArrivalsInAnyWindow the most arrivals in any window
 * @param maxAllowedInAnyWindow  the most allowed arrivals in any window; at most {@code limit} when
 *                               a single key was used
 * @param firstArrival           when the first arrival came, or null when none did
 * @param lastArrival            when the latest arrival came, or null when none did
 */
public record RateLimitStats(
        int limit,
        Duration window,
        long arrivals,
        long allowed,
        long refused,
        long tooManyRequestsSent,
        long maxArrivalsInAnyWindow,
        long maxAllowedInAnyWindow,
        Instant firstArrival,
        Instant lastArrival) {
}
