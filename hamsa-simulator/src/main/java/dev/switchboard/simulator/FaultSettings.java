package dev.switchboard.simulator;

/**
 * Faults injected into API requests (never into {@code /_admin} requests).
 *
 * <p>Per request the simulator waits {@code latencyMs + uniform(0..latencyJitterMs)}, then draws
 * one outcome: with probability {@code timeoutRate} it hangs for {@code timeoutMs} and answers
 * 504; otherwise with probability {@code errorRate} it answers 500 or 503; otherwise the request
 * is handled normally. If the two rates add up to more than 1, timeouts take precedence.
 *
 * <p>All draws come from one {@link java.util.Random} seeded with {@code seed}, re-seeded whenever
 * the settings are replaced, so a sequential run repeats exactly.
 */
public record FaultSettings(
        long latencyMs,
        long latencyJitterMs,
        double errorRate,
        double timeoutRate,
        long timeoutMs,
        long seed) {

    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_SEED = 42;

    public FaultSettings {
        requireNonNegative("latencyMs", latencyMs);
        requireNonNegative("latencyJitterMs", latencyJitterMs);
        requireRate("errorRate", errorRate);
        requireRate("timeoutRate", timeoutRate);
        requireNonNegative("timeoutMs", timeoutMs);
    }

    public static FaultSettings none() {
        return new FaultSettings(0, 0, 0.0, 0.0, DEFAULT_TIMEOUT_MS, DEFAULT_SEED);
    }

    public FaultSettings withLatency(long latencyMs, long latencyJitterMs) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, seed);
    }

    public FaultSettings withErrorRate(double errorRate) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, seed);
    }

    public FaultSettings withTimeouts(double timeoutRate, long timeoutMs) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, seed);
    }

    public FaultSettings withSeed(long seed) {
        return new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, seed);
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
