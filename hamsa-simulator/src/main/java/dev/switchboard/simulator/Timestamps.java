package dev.switchboard.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The timestamps stored resources carry: agents, knowledge items, web tools. */
final class Timestamps {

    private Timestamps() {
    }

    /** Millisecond precision, like the timestamps Hamsa's API returns. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Clients detect changes by updatedAt, so a change always moves it forward, even within the same millisecond. */
    static Instant after(Instant previous, Instant now) {
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }
}
