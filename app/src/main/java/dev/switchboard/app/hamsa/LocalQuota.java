package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.QuotaDecision;
import dev.switchboard.domain.model.QuotaPolicy;
import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.UpstreamQuota;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The same GCRA schedule as the shared quota, kept in this process: the fallback while Redis cannot be
 * reached (given a share of the quota), and the naive per-replica limiter the benchmark compares with.
 * Written here rather than taken from a library because it must behave exactly like the Redis script it
 * stands in for (reservations in time, pauses, a lowered limit); SmallRye's rate limit refuses rather than
 * schedules, and counts per process only.
 */
final class LocalQuota implements UpstreamQuota {

    private final LongSupplier nanoClock;
    private long next;
    private long pausedUntil;
    private int observedLimit;
    private long observedLimitUntil;

    LocalQuota() {
        this(System::nanoTime);
    }

    LocalQuota(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.next = now;
        this.pausedUntil = now;
        this.observedLimitUntil = now;
    }

    @Override
    public synchronized QuotaDecision reserve(QuotaPolicy policy, Duration maxWait) {
        long now = nanoClock.getAsLong();
        QuotaPolicy effective = observedLimit > 0 && now - observedLimitUntil < 0 ? policy.withLimitAtMost(observedLimit) : policy;
        long at = max(next, now, pausedUntil);
        long wait = at - now;
        if (wait > saturatedNanos(maxWait)) {
            return QuotaDecision.refused(Duration.ofNanos(wait));
        }
        next = at + effective.interval().toNanos();
        return QuotaDecision.grantedAfter(Duration.ofNanos(wait));
    }

    @Override
    public synchronized void observe(QuotaPolicy policy, UpstreamLimits limits) {
        long now = nanoClock.getAsLong();
        if (limits.exhausted()) {
            long until = now + saturatedNanos(limits.resetIn());
            if (until - pausedUntil > 0) {
                pausedUntil = until;
            }
        }
        limits.limitValue().filter(l -> l > 0 && l < policy.limit()).ifPresent(l -> {
            observedLimit = l;
            observedLimitUntil = now + policy.window().multipliedBy(10).toNanos();
        });
    }

    /** Compares as System.nanoTime values must be compared: by difference, never directly. */
    private static long max(long a, long b, long c) {
        long ab = a - b > 0 ? a : b;
        return ab - c > 0 ? ab : c;
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : d.toNanos();
    }
}
