package dev.switchboard.app.hamsa;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.QuotaDecision;
import dev.switchboard.domain.model.QuotaPolicy;
import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.UpstreamQuota;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The quota this replica spends from: the shared budget in Redis, or, while Redis cannot be reached, a
 * conservative share of it kept locally, so a Redis outage slows Hamsa traffic down instead of letting
 * every replica spend the whole quota. Says which in health and metrics.
 */
final class QuotaBudget {

    private static final Logger LOG = Logger.getLogger(QuotaBudget.class);

    enum Source { SHARED, LOCAL_FALLBACK, PER_REPLICA }

    private final UpstreamQuota shared;
    private final LocalQuota local;
    private final QuotaPolicy policy;
    private final QuotaPolicy fallbackPolicy;
    private final SwitchboardConfig.QuotaMode mode;
    private final long recheckNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger lastRemaining = new AtomicInteger(-1);
    private volatile boolean onFallback;
    private volatile long sharedAgainAt;

    QuotaBudget(UpstreamQuota shared, SwitchboardConfig.Quota config, MeterRegistry metrics, LongSupplier nanoClock) {
        this.shared = shared;
        this.policy = new QuotaPolicy(config.limit(), config.window(),
                config.mode() == SwitchboardConfig.QuotaMode.PER_REPLICA ? 0 : config.headroom());
        this.fallbackPolicy = policy.share(config.fallbackShare());
        this.mode = config.mode();
        this.recheckNanos = config.fallbackRecheck().toNanos();
        this.nanoClock = nanoClock;
        this.local = new LocalQuota(nanoClock);
        Gauge.builder("switchboard.hamsa.quota.remaining", lastRemaining, AtomicInteger::get)
                .description("X-RateLimit-Remaining on Hamsa's latest answer (-1 before the first)").register(metrics);
        Gauge.builder("switchboard.hamsa.quota.fallback", this, b -> b.source() == Source.LOCAL_FALLBACK ? 1 : 0)
                .description("1 while this replica spends a local share because Redis cannot be reached").register(metrics);
        Gauge.builder("switchboard.hamsa.quota.limit", this, b -> b.spendingPolicy().spendable())
                .description("Hamsa requests per window this replica may spend").register(metrics);
    }

    Source source() {
        return mode == SwitchboardConfig.QuotaMode.PER_REPLICA ? Source.PER_REPLICA
                : onFallback ? Source.LOCAL_FALLBACK : Source.SHARED;
    }

    /** What this replica spends now: the shared policy, or its own share while on the fallback. */
    QuotaPolicy spendingPolicy() {
        return source() == Source.LOCAL_FALLBACK ? fallbackPolicy : policy;
    }

    QuotaDecision reserve(Duration maxWait) {
        if (mode == SwitchboardConfig.QuotaMode.PER_REPLICA) {
            return local.reserve(policy, maxWait);
        }
        if (onFallback && nanoClock.getAsLong() - sharedAgainAt < 0) {
            return local.reserve(fallbackPolicy, maxWait);
        }
        try {
            QuotaDecision decision = shared.reserve(policy, maxWait);
            if (onFallback) {
                onFallback = false;
                LOG.info("Hamsa quota: Redis is back, spending from the shared budget again");
            }
            return decision;
        } catch (RuntimeException e) {
            if (!onFallback) {
                LOG.warnf("Hamsa quota: Redis cannot be reached (%s); this replica spends %d requests per %s on its own",
                        e.getClass().getSimpleName(), fallbackPolicy.spendable(), fallbackPolicy.window());
            }
            onFallback = true;
            sharedAgainAt = nanoClock.getAsLong() + recheckNanos;
            return local.reserve(fallbackPolicy, maxWait);
        }
    }

    /** What Hamsa reported; applied to the shared budget and to the local one, which may be needed next. */
    void observe(UpstreamLimits limits) {
        if (limits.remaining() != null) {
            lastRemaining.set(limits.remaining());
        }
        if (mode == SwitchboardConfig.QuotaMode.PER_REPLICA) {
            // The naive baseline: each replica believes the whole quota is its own and learns nothing.
            return;
        }
        local.observe(fallbackPolicy, limits);
        if (!onFallback) {
            try {
                shared.observe(policy, limits);
            } catch (RuntimeException e) {
                LOG.debugf("Hamsa quota: could not record Hamsa's report in Redis: %s", e.toString());
            }
        }
    }
}
