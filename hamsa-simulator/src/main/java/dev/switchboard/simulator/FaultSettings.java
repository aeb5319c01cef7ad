package dev.switchboard.simulator;

/**
 * Faults injected into API requests (never into {@code /_admin} requests). They apply to requests
 * that passed the rate limit, the key check and any scripted failure.
 *
 * <p>Per request the simulator waits {@code latencyMs + uniform(0..latencyJitterMs)}, then draws one
 * outcome, in this order of precedence:
 * <ol>
 *   <li>with probability {@code timeoutRate} it hangs for {@code timeoutMs} and answers 504;
 *   <li>with probability {@code errorRate} it answers 500 or 503 (even odds);
 *   <li>with probability {@code dropRate} it closes the connection without any answer;
 *   <li>with probability {@code tooManyRequestsRate} it answers 429 with
 *       {@code Retry-After: retryAfterSeconds} (a "429 storm", whatever the rate limit says);
 *   <li>otherwise the request is handled normally.
 * </ol>
 * The outcome is one uniform draw {@code u} compared against the rates stacked in that order, so if
 * they add up to more than 1 the earlier ones take precedence and the later ones get what is left.
 *
 * <p>All draws come from one {@link java.util.Random} seeded with {@code seed}, re-seeded whenever
 * the settings are replaced, and every request consumes exactly three (jitter, outcome, 500 or 503),
 * whatever its outcome, so a sequential run repeats exactly. Settings with the newer rates at 0 give
 * the same outcomes as before those rates existed.
 */
public record FaultSettings(
        long latencyMs,
        long latencyJitterMs,
        double errorRate,
        double timeoutRate,
        long timeoutMs,
        double dropRate,
        double tooManyRequestsRate,
        long retryAfterSeconds,
        long seed) {

    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 1;
    public static final long DEFAULT_SEED = 42;

    public FaultSettings {
        requireNonNegative("latencyMs", latencyMs);
        requireNonNegative("latencyJitterMs", latencyJitterMs);
        requireRate("errorRate", errorRate);
        requireRate("timeoutRate", timeoutRate);
        requireNonNegative("timeoutMs", timeoutMs);
        requireRate("dropRate", dropRate);
        requireRate("tooManyRequestsRate", tooManyRequestsRate);
        requireNonNegative("retryAfterSeconds", retryAfterSeconds);
    }

    /** The settings as they were before drops and 429 storms: neither, and the default {@code Retry-After}. */
    public FaultSettings(long latencyMs, long latencyJitterMs, double errorRate, double timeoutRate, long timeoutMs,
                         long seed) {
        this(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, 0.0, 0.0, DEFAULT_RETRY_AFTER_SECONDS,
                seed);
    }

    public static FaultSettings none() {
        return new FaultSettings(0, 0, 0.0, 0.0, DEFAULT_TIMEOUT_MS, DEFAULT_SEED);
    }

    public FaultSettings withLatency(long latencyMs, long latencyJitterMs) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, dropRate,
                tooManyRequestsRate, retryAfterSeconds, seed);
    }

    public FaultSettings withErrorRate(double errorRate) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, dropRate,
                tooManyRequestsRate, retryAfterSeconds, seed);
    }

    public FaultSettings withTimeouts(double timeoutRate, long timeoutMs) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, dropRate,
                tooManyRequestsRate, retryAfterSeconds, seed);
    }

    /** This fraction of requests has its connection closed without any answer, after the latency. */
    public FaultSettings withDropRate(double dropRate) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, dropRate,
                tooManyRequestsRate, retryAfterSeconds, seed);
    }

    /** This fraction of requests is answered 429 with {@code Retry-After: retryAfterSeconds}. */
    public FaultSettings withTooManyRequests(double tooManyRequestsRate, long retryAfterSeconds) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, dropRate,
                tooManyRequestsRate, retryAfterSeconds, seed);
    }

    public FaultSettings withSeed(long seed) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, dropRate,
                tooManyRequestsRate, retryAfterSeconds, seed);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void requireRate(String name, double value) {
        // Written this way round so NaN fails too.
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
