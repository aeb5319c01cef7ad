package dev.switchboard.app.hamsa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.model.QuotaDecision;
import dev.switchboard.domain.model.QuotaPolicy;
import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.UpstreamQuota;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The fallback from the shared quota to a local share. The shared quota here is the in-process one behind a
 * switch that makes it fail as an unreachable Redis does; the Redis adapter itself has its contract test, and
 * RedisDownTest shows the whole service on a closed Redis port.
 */
class QuotaBudgetTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong();
    private final AtomicBoolean redisDown = new AtomicBoolean();
    private final LocalQuota behindRedis = new LocalQuota(now::get);
    private final UpstreamQuota shared = new UpstreamQuota() {
        @Override
        public QuotaDecision reserve(QuotaPolicy policy, Duration maxWait) {
            failIfDown();
            return behindRedis.reserve(policy, maxWait);
        }

        @Override
        public void observe(QuotaPolicy policy, UpstreamLimits limits) {
            failIfDown();
            behindRedis.observe(policy, limits);
        }

        private void failIfDown() {
            if (redisDown.get()) {
                throw new IllegalStateException("Connection refused: 127.0.0.1:6379");
            }
        }
    };

    private QuotaBudget budget() {
        return new QuotaBudget(shared, TestQuotaConfig.shared(100, Duration.ofSeconds(60), 0.25, Duration.ofSeconds(5)),
                metrics, now::get);
    }

    @Test
    void while_redis_is_unreachable_a_replica_spends_a_quarter_of_the_quota_and_says_so() {
        QuotaBudget budget = budget();
        redisDown.set(true);

        QuotaDecision first = budget.reserve(Duration.ofMinutes(1));
        QuotaDecision second = budget.reserve(Duration.ofMinutes(1));

        assertThat(first.granted()).isTrue();
        assertThat(budget.source()).isEqualTo(QuotaBudget.Source.LOCAL_FALLBACK);
        // 25 of 100 a minute: one every 2.4 s, instead of one every 0.6 s
        assertThat(second.delay()).isEqualTo(Duration.ofMillis(2_400));
        assertThat(metrics.get("switchboard.hamsa.quota.fallback").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void the_replica_asks_redis_again_after_the_recheck_delay_and_goes_back_to_the_shared_budget() {
        QuotaBudget budget = budget();
        redisDown.set(true);
        budget.reserve(Duration.ofMinutes(1));
        redisDown.set(false);

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        budget.reserve(Duration.ofMinutes(1));
        assertThat(budget.source()).isEqualTo(QuotaBudget.Source.LOCAL_FALLBACK);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        budget.reserve(Duration.ofMinutes(1));
        assertThat(budget.source()).isEqualTo(QuotaBudget.Source.SHARED);
        assertThat(metrics.get("switchboard.hamsa.quota.fallback").gauge().value()).isZero();
    }

    @Test
    void hamsas_reports_reach_the_local_share_too_so_a_fallback_starts_out_paused_when_hamsa_said_stop() {
        QuotaBudget budget = budget();
        budget.observe(new UpstreamLimits(100, 0, Duration.ofSeconds(20)));
        redisDown.set(true);

        QuotaDecision d = budget.reserve(Duration.ofMinutes(1));

        assertThat(d.delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(metrics.get("switchboard.hamsa.quota.remaining").gauge().value()).isZero();
    }
}
