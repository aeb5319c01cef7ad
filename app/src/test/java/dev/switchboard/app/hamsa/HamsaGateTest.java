package dev.switchboard.app.hamsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.QuotaDecision;
import dev.switchboard.domain.model.QuotaPolicy;
import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.UpstreamQuota;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The per-replica queue in front of Hamsa, on the in-process quota (no Redis needed to show ordering). */
class HamsaGateTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private static final Duration TEAM_WAIT = Duration.ofSeconds(5);
    private static final Duration BACKGROUND_WAIT = Duration.ofMinutes(5);

    private HamsaGate gate(int perSecond, int maxConcurrency) {
        QuotaBudget budget = new QuotaBudget(null, TestQuotaConfig.perReplica(perSecond, Duration.ofSeconds(1)), metrics,
                System::nanoTime);
        return new HamsaGate(budget, maxConcurrency, metrics, System::nanoTime);
    }

    @Test
    void a_teams_request_takes_the_next_permit_ahead_of_queued_background_work() throws Exception {
        HamsaGate gate = gate(1, 10); // a permit a second
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        gate.enter(Priority.BACKGROUND, BACKGROUND_WAIT).close(); // spends the permit that was free, so the rest queue

        List<CompletableFuture<Void>> background = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            background.add(CompletableFuture.runAsync(() -> {
                gate.enter(Priority.BACKGROUND, BACKGROUND_WAIT).close();
                order.add("background-" + n);
            }));
        }
        Awaitility.await().until(() -> gate.waiting() >= 3);
        CompletableFuture<Void> team = CompletableFuture.runAsync(() -> {
            gate.enter(Priority.INTERACTIVE, TEAM_WAIT).close();
            order.add("team");
        });

        CompletableFuture.allOf(background.toArray(CompletableFuture[]::new)).join();
        team.join();
        // One background call already holds the next permit (reserved within the horizon); the team takes the one
        // after it, ahead of the three still queued.
        assertThat(order.indexOf("team")).isLessThanOrEqualTo(1);
        assertThat(order).hasSize(5);
    }

    @Test
    void a_teams_request_that_would_wait_past_the_bound_is_refused_with_the_time_to_come_back() {
        HamsaGate gate = gate(1, 10); // one permit a second
        gate.enter(Priority.INTERACTIVE, TEAM_WAIT).close();

        assertThatThrownBy(() -> gate.enter(Priority.INTERACTIVE, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PlatformFailure.BUSY);
                    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(800L, 1_000L));
                });
        assertThat(metrics.get("switchboard.hamsa.queue.refused").counter().count()).isEqualTo(1.0);
    }

    @Test
    void background_work_waits_as_long_as_the_quota_requires() {
        HamsaGate gate = gate(2, 10); // a permit every 500 ms
        long start = System.nanoTime();

        for (int i = 0; i < 4; i++) {
            gate.enter(Priority.BACKGROUND, BACKGROUND_WAIT).close();
        }

        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_400L, 1_900L);
    }

    @Test
    void no_more_calls_are_in_flight_than_the_concurrency_bound() {
        HamsaGate gate = gate(1_000, 2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.runAsync(() -> {
                try (HamsaGate.Pass ignored = gate.enter(Priority.INTERACTIVE, TEAM_WAIT)) {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(100);
                    inside.decrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(most.get()).isEqualTo(2);
        assertThat(gate.inFlight()).isZero();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_slow_quota_store_holds_up_only_the_request_asking_it_never_the_ones_finishing() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        UpstreamQuota hangingRedis = new UpstreamQuota() {
            private final LocalQuota behind = new LocalQuota();

            @Override
            public QuotaDecision reserve(QuotaPolicy policy, Duration maxWait) {
                if (asking.getCount() == 0) { // the second request finds Redis hanging
                    await(answer);
                }
                asking.countDown();
                return behind.reserve(policy, maxWait);
            }

            @Override
            public void observe(QuotaPolicy policy, UpstreamLimits limits) {
            }
        };
        QuotaBudget budget = new QuotaBudget(hangingRedis,
                TestQuotaConfig.shared(1_000, Duration.ofSeconds(1), 0.25, Duration.ofSeconds(5)), metrics, System::nanoTime);
        HamsaGate gate = new HamsaGate(budget, 4, metrics, System::nanoTime);
        HamsaGate.Pass first = gate.enter(Priority.INTERACTIVE, TEAM_WAIT);

        CompletableFuture<HamsaGate.Pass> second = CompletableFuture.supplyAsync(
                () -> gate.enter(Priority.INTERACTIVE, TEAM_WAIT));
        Awaitility.await().until(() -> gate.waiting() == 1);
        try {
            // Finishing a request while another is stuck asking Redis: must not wait for Redis.
            CompletableFuture.runAsync(first::close).get(2, TimeUnit.SECONDS);
            assertThat(gate.inFlight()).isZero();
            assertThat(gate.waiting()).isEqualTo(1);
        } finally {
            answer.countDown();
        }
        second.get(5, TimeUnit.SECONDS).close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
