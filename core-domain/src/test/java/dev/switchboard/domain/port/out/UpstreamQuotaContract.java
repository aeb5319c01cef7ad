package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.domain.model.QuotaDecision;
import dev.switchboard.domain.model.QuotaPolicy;
import dev.switchboard.domain.model.UpstreamLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UpstreamQuota} must do; extended by the in-process quota's test and the Redis adapter's.
 * Each test gets a fresh quota. Waits are compared with a tolerance for the time the calls themselves take.
 */
public abstract class UpstreamQuotaContract {

    /** 10 per second, nothing held back: one permit every 100 ms. */
    private static final QuotaPolicy TEN_PER_SECOND = new QuotaPolicy(10, Duration.ofSeconds(1), 0);
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final long TOLERANCE_MS = 40;

    /** A quota with an empty schedule. */
    protected abstract UpstreamQuota freshQuota();

    @Test
    void the_first_permit_is_for_now_and_the_next_ones_one_interval_apart() {
        UpstreamQuota quota = freshQuota();

        // Each permit's time is when it was asked for plus its wait: a caller descheduled between two asks
        // (a loaded machine) gets a shorter wait, but the same permit time.
        List<Long> waits = new ArrayList<>();
        List<Long> permitTimes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            QuotaDecision d = quota.reserve(TEN_PER_SECOND, LONG);
            long askedAt = (before + System.nanoTime()) / 2;
            assertThat(d.granted()).isTrue();
            waits.add(d.delay().toMillis());
            permitTimes.add(askedAt / 1_000_000 + d.delay().toMillis());
        }

        assertThat(waits.get(0)).isLessThanOrEqualTo(TOLERANCE_MS);
        for (int i = 1; i < permitTimes.size(); i++) {
            assertThat(permitTimes.get(i) - permitTimes.get(i - 1)).as("gap before permit %d", i)
                    .isCloseTo(100L, within(TOLERANCE_MS));
        }
    }

    @Test
    void a_permit_further_away_than_the_caller_will_wait_is_refused_and_not_reserved() {
        UpstreamQuota quota = freshQuota();
        QuotaPolicy slow = new QuotaPolicy(1, Duration.ofSeconds(2), 0);
        assertThat(quota.reserve(slow, LONG).granted()).isTrue();

        QuotaDecision refused = quota.reserve(slow, Duration.ofMillis(500));
        QuotaDecision again = quota.reserve(slow, Duration.ofMillis(500));

        assertThat(refused.granted()).isFalse();
        assertThat(refused.delay().toMillis()).isCloseTo(2_000L, within(TOLERANCE_MS * 3));
        // Nothing was reserved by the refusal: the next caller who will wait gets the same slot, not a later one.
        assertThat(again.delay().toMillis()).isLessThanOrEqualTo(refused.delay().toMillis());
        QuotaDecision patient = quota.reserve(slow, LONG);
        assertThat(patient.granted()).isTrue();
        assertThat(patient.delay().toMillis()).isCloseTo(2_000L, within(TOLERANCE_MS * 3));
    }

    @Test
    void concurrent_callers_never_get_more_than_the_spendable_count_in_any_window() {
        UpstreamQuota quota = freshQuota();
        QuotaPolicy policy = new QuotaPolicy(20, Duration.ofSeconds(1), 2);
        long start = System.nanoTime();
        ConcurrentLinkedQueue<Long> grantedAt = new ConcurrentLinkedQueue<>();

        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            callers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 15; i++) {
                    QuotaDecision d = quota.reserve(policy, LONG);
                    grantedAt.add((System.nanoTime() - start) / 1_000_000 + d.delay().toMillis());
                }
            }));
        }
        callers.forEach(CompletableFuture::join);

        List<Long> times = grantedAt.stream().sorted().toList();
        assertThat(times).hasSize(60);
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 1_000 - TOLERANCE_MS) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        assertThat(most).isLessThanOrEqualTo(policy.spendable());
        // and the schedule is not wasteful: 60 permits at 18 a second end after about 3.3 s
        assertThat(times.get(times.size() - 1)).isBetween(3_200L, 3_500L);
    }

    @Test
    void a_report_that_the_platform_quota_is_used_up_pauses_every_permit_until_its_reset() {
        UpstreamQuota quota = freshQuota();

        quota.observe(TEN_PER_SECOND, UpstreamLimits.exhaustedFor(Duration.ofSeconds(2)));
        QuotaDecision d = quota.reserve(TEN_PER_SECOND, LONG);

        assertThat(d.granted()).isTrue();
        assertThat(d.delay().toMillis()).isCloseTo(2_000L, within(TOLERANCE_MS * 3));
    }

    @Test
    void a_report_with_quota_left_pauses_nothing() {
        UpstreamQuota quota = freshQuota();

        quota.observe(TEN_PER_SECOND, new UpstreamLimits(10, 3, Duration.ofSeconds(30)));

        assertThat(quota.reserve(TEN_PER_SECOND, LONG).delay().toMillis()).isLessThanOrEqualTo(TOLERANCE_MS);
    }

    @Test
    void a_lower_limit_reported_by_the_platform_lengthens_the_interval() {
        UpstreamQuota quota = freshQuota();

        quota.observe(TEN_PER_SECOND, new UpstreamLimits(5, 4, Duration.ofSeconds(1)));
        quota.reserve(TEN_PER_SECOND, LONG);
        QuotaDecision second = quota.reserve(TEN_PER_SECOND, LONG);

        assertThat(second.delay().toMillis()).isCloseTo(200L, within(TOLERANCE_MS));
    }

    @Test
    void a_higher_limit_reported_by_the_platform_is_ignored() {
        UpstreamQuota quota = freshQuota();

        quota.observe(TEN_PER_SECOND, new UpstreamLimits(1_000, 999, Duration.ofSeconds(1)));
        quota.reserve(TEN_PER_SECOND, LONG);
        QuotaDecision second = quota.reserve(TEN_PER_SECOND, LONG);

        assertThat(second.delay().toMillis()).isCloseTo(100L, within(TOLERANCE_MS));
    }
}
