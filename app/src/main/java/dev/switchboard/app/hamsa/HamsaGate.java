package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.QuotaDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The queue in front of Hamsa on one replica: at most {@code maxConcurrency} calls in flight, and one quota
 * permit per call, handed out in priority order (interactive before background, then first come first
 * served). Only the head of the queue reserves a permit, so a team's request that arrives behind a backlog
 * of background work takes the very next permit.
 *
 * <p>Written here because no library offers the combination: SmallRye's bulkhead has no priorities and its
 * rate limit is per process and refuses instead of scheduling.
 */
final class HamsaGate {

    /** How far ahead background work reserves a permit; past it, it waits without reserving, so it cannot block a team. */
    static final Duration BACKGROUND_HORIZON = Duration.ofSeconds(1);
    /** Told to a team whose request found every slot taken for its whole wait. */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private record Waiter(Priority priority, long order) {
    }

    /** A slot held for one call; closing it lets the next waiter in. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    private final QuotaBudget quota;
    private final int maxConcurrency;
    private final Duration interactiveMaxWait;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(
            Comparator.comparing(Waiter::priority).thenComparingLong(Waiter::order));
    private final Map<Priority, AtomicInteger> depth = new EnumMap<>(Priority.class);
    private final Map<Priority, Timer> waits = new EnumMap<>(Priority.class);
    private final Counter refused;
    private long nextOrder;
    private int inFlight;

    HamsaGate(QuotaBudget quota, int maxConcurrency, Duration interactiveMaxWait, MeterRegistry metrics,
              LongSupplier nanoClock) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max-concurrency must be at least 1, was " + maxConcurrency);
        }
        this.quota = quota;
        this.maxConcurrency = maxConcurrency;
        this.interactiveMaxWait = interactiveMaxWait;
        this.nanoClock = nanoClock;
        for (Priority p : Priority.values()) {
            String tag = p.name().toLowerCase(java.util.Locale.ROOT);
            AtomicInteger d = new AtomicInteger();
            depth.put(p, d);
            Gauge.builder("switchboard.hamsa.queue.depth", d, AtomicInteger::get).tag("priority", tag)
                    .description("Hamsa calls waiting for a slot or a quota permit").register(metrics);
            waits.put(p, Timer.builder("switchboard.hamsa.queue.wait").tag("priority", tag)
                    .description("Time from asking for a Hamsa call to sending it").publishPercentileHistogram()
                    .register(metrics));
        }
        Gauge.builder("switchboard.hamsa.in.flight", this, g -> g.inFlight()).description("Hamsa calls in flight")
                .register(metrics);
        this.refused = Counter.builder("switchboard.hamsa.queue.refused")
                .description("Team requests answered 503 because no slot or permit came within the bounded wait")
                .register(metrics);
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a slot and a quota permit, then for the permit's moment. A team's request that would wait
     * longer than the bounded wait gets {@link PlatformFailure#BUSY} with the time to come back.
     */
    Pass enter(Priority priority) {
        long start = nanoClock.getAsLong();
        long deadline = priority == Priority.INTERACTIVE ? start + interactiveMaxWait.toNanos() : Long.MAX_VALUE;
        Duration permitIn;
        lock.lock();
        Waiter me = new Waiter(priority, nextOrder++);
        waiting.add(me);
        depth.get(priority).incrementAndGet();
        try {
            permitIn = awaitTurn(me, deadline);
            inFlight++;
        } finally {
            if (waiting.remove(me)) {
                depth.get(priority).decrementAndGet();
            }
            changed.signalAll();
            lock.unlock();
        }
        Pass pass = this::leave;
        try {
            sleep(permitIn);
        } catch (RuntimeException e) {
            pass.close();
            throw e;
        }
        waits.get(priority).record(nanoClock.getAsLong() - start, TimeUnit.NANOSECONDS);
        return pass;
    }

    /** Under the lock: returns once {@code me} holds a permit (and is counted in flight by the caller). */
    private Duration awaitTurn(Waiter me, long deadline) {
        try {
            while (true) {
                long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - nanoClock.getAsLong();
                if (waiting.peek() == me && inFlight < maxConcurrency) {
                    Duration maxWait = me.priority() == Priority.INTERACTIVE
                            ? Duration.ofNanos(Math.max(0, left)) : BACKGROUND_HORIZON;
                    QuotaDecision decision = quota.reserve(maxWait);
                    if (decision.granted()) {
                        return decision.delay();
                    }
                    if (me.priority() == Priority.INTERACTIVE) {
                        throw busy(decision.delay());
                    }
                    // Background: come back when the permit is within the horizon, or when the queue changes.
                    changed.awaitNanos(Math.max(1_000_000, decision.delay().minus(BACKGROUND_HORIZON).toNanos()));
                    continue;
                }
                if (left <= 0) {
                    throw busy(BUSY_RETRY_AFTER);
                }
                changed.awaitNanos(left == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.withoutAnswer(PlatformFailure.BUSY, "interrupted while queued for Hamsa", e);
        }
    }

    private void leave() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private PlatformException busy(Duration retryAfter) {
        refused.increment();
        Duration wait = retryAfter.compareTo(BUSY_RETRY_AFTER) < 0 ? BUSY_RETRY_AFTER : retryAfter;
        return new PlatformException(PlatformFailure.BUSY, null, null, wait, Map.of(), null);
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.withoutAnswer(PlatformFailure.BUSY, "interrupted while waiting for a Hamsa permit", e);
        }
    }
}
