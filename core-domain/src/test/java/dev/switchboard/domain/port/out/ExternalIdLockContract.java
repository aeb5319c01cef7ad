package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.model.TeamId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link ExternalIdLock} must do; extended by the in-memory fake and by the Redis adapter's test. */
public abstract class ExternalIdLockContract {

    protected abstract ExternalIdLock lock();

    private final TeamId team = TeamId.newId();

    @Test
    void two_holders_of_one_external_id_run_one_after_the_other() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        Runnable work = () -> lock().holding(team, "crm-1", () -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            sleep(300);
            inside.decrementAndGet();
            return null;
        });

        CompletableFuture.allOf(CompletableFuture.runAsync(work), CompletableFuture.runAsync(work)).get(10, TimeUnit.SECONDS);

        assertThat(mostInside.get()).isEqualTo(1);
    }

    @Test
    void different_external_ids_and_different_teams_do_not_wait_for_each_other() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(3);
        Runnable a = () -> lock().holding(team, "crm-a", () -> meet(bothInside));
        Runnable b = () -> lock().holding(team, "crm-b", () -> meet(bothInside));
        Runnable c = () -> lock().holding(TeamId.newId(), "crm-a", () -> meet(bothInside));

        CompletableFuture.allOf(CompletableFuture.runAsync(a), CompletableFuture.runAsync(b), CompletableFuture.runAsync(c))
                .get(10, TimeUnit.SECONDS);

        assertThat(bothInside.getCount()).isZero();
    }

    @Test
    void the_lock_is_free_again_after_the_work_failed() {
        try {
            lock().holding(team, "crm-fail", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the work's own failure reaches the caller
        }
        long start = System.nanoTime();

        assertThat(lock().holding(team, "crm-fail", () -> "ran")).isEqualTo("ran");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    }

    private static Object meet(CountDownLatch latch) {
        latch.countDown();
        try {
            // every holder waits here until all three are inside at once; a lock that serialised them would time out
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("holders of different ids were serialised");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
