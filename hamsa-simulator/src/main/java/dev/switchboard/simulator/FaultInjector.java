package dev.switchboard.simulator;

import java.util.Random;

/** Draws each API request's fault outcome from one seeded {@link Random}; see {@link FaultSettings}. */
final class FaultInjector {

    enum Kind { NONE, ERROR, TIMEOUT }

    /**
     * @param delayMs     latency to add before anything else
     * @param kind        what happens after the delay
     * @param errorStatus 500 or 503 when {@code kind} is {@link Kind#ERROR}
     * @param timeoutMs   how long to hang when {@code kind} is {@link Kind#TIMEOUT}
     */
    record Outcome(long delayMs, Kind kind, int errorStatus, long timeoutMs) {
    }

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
        Kind kind;
        if (outcomeDraw < settings.timeoutRate()) {
            kind = Kind.TIMEOUT;
        } else if (outcomeDraw < settings.timeoutRate() + settings.errorRate()) {
            kind = Kind.ERROR;
        } else {
            kind = Kind.NONE;
        }
        return new Outcome(delay, kind, unavailable ? 503 : 500, settings.timeoutMs());
    }
}
