package dev.switchboard.simulator;

import java.util.Random;

/** Draws each API request's fault outcome from one seeded {@link Random}; see {@link FaultSettings}. */
final class FaultInjector {

    enum Kind { NONE, TIMEOUT, ERROR, DROP, TOO_MANY_REQUESTS }

    /**
     * @param delayMs           latency to add before anything else
     * @param kind              what happens after the delay
     * @param errorStatus       500 or 503 when {@code kind} is {@link Kind#ERROR}
     * @param timeoutMs         how long to hang when {@code kind} is {@link Kind#TIMEOUT}
     * @param retryAfterSeconds the {@code Retry-After} of a {@link Kind#TOO_MANY_REQUESTS}
     */
    record Outcome(long delayMs, Kind kind, int errorStatus, long timeoutMs, long retryAfterSeconds) {
    }

    private static final Kind[] STACKED = {Kind.TIMEOUT, Kind.ERROR, Kind.DROP, Kind.TOO_MANY_REQUESTS};

    private FaultSettings settings;
    private Random random;

    FaultInjector(FaultSettings settings) {
        set(settings);
    }

    synchronized FaultSettings settings() {
        return settings;
    }

    synchronized void set(FaultSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    synchronized Outcome draw() {
        // Every request consumes exactly three draws, whatever its outcome, so the sequence of
        // outcomes depends only on the seed and the number of requests before it.
        double jitterDraw = random.nextDouble();
        double outcomeDraw = random.nextDouble();
        boolean unavailable = random.nextBoolean();

        long jitter = (long) Math.floor(jitterDraw * (settings.latencyJitterMs() + 1.0));
        long delay = settings.latencyMs() + Math.min(jitter, settings.latencyJitterMs());
        // The rates stacked in a fixed order on [0, 1): new kinds go after the old ones, so a seed
        // that gave some sequence before they existed gives it still while their rates are 0.
        Kind kind = Kind.NONE;
        double upTo = 0.0;
        for (Kind candidate : STACKED) {
            upTo += rate(candidate);
            if (outcomeDraw < upTo) {
                kind = candidate;
                break;
            }
        }
        return new Outcome(delay, kind, unavailable ? 503 : 500, settings.timeoutMs(), settings.retryAfterSeconds());
    }

    private double rate(Kind kind) {
        return switch (kind) {
            case TIMEOUT -> settings.timeoutRate();
            case ERROR -> settings.errorRate();
            case DROP -> settings.dropRate();
            case TOO_MANY_REQUESTS -> settings.tooManyRequestsRate();
            case NONE -> 0.0;
        };
    }
}
