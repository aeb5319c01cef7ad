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
 * The queue in front of Hamsa on one replica: at most {@code maxConcurrency} requests in flight, and one quota
 * permit per request, handed out in priority order (interactive before background, then first come first
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
    /** The head is asking the quota (outside the lock): nobody else may ask meanwhile. */
    private boolean reserving;
    /** Copies for gauges and health, which must never wait for the lock. */
    private final AtomicInteger inFlightView = new AtomicInteger();
    private final AtomicInteger waitingView = new AtomicInteger();

    HamsaGate(QuotaBudget quota, int maxConcurrency, MeterRegistry metrics, LongSupplier nanoClock) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max-concurrency must be at least 1, was " + maxConcurrency);
        }
        this.quota = quota;
        this.maxConcurrency = maxConcurrency;
        this.nanoClock = nanoClock;
        for (Priority p : Priority.values()) {
            String tag = p.name().toLowerCase(java.util.Locale.ROOT);
            AtomicInteger d = new AtomicInteger();
            depth.put(p, d);
            Gauge.builder("switchboard.hamsa.queue.depth", d, AtomicInteger::get).tag("priority", tag)
                    .description("Hamsa requests waiting for a slot or a quota permit").register(metrics);
            waits.put(p, Timer.builder("switchboard.hamsa.queue.wait").tag("priority", tag)
                    .description("Time from asking to send a Hamsa request to sending it").publishPercentileHistogram()
                    .register(metrics));
        }
        Gauge.builder("switchboard.hamsa.in.flight", inFlightView, AtomicInteger::get)
                .description("Hamsa requests in flight").register(metrics);
        this.refused = Counter.builder("switchboard.hamsa.queue.refused")
                .description("Team requests answered 503 because no slot or permit came within the bounded wait")
                .register(metrics);
    }

    int inFlight() {
        return inFlightView.get();
    }

    int waiting() {
        return waitingView.get();
    }

    /**
     * Waits for a slot and a quota permit, then for the permit's moment. A team's request that would wait
     * longer than {@code maxWait} gets {@link PlatformFailure#BUSY} with the time to come back; background
     * work passes its whole remaining time.
     */
    Pass enter(Priority priority, Duration maxWait) {
        long start = nanoClock.getAsLong();
        long deadline = start + Math.max(0, maxWait.toNanos());
        Duration permitIn;
        lock.lock();
        Waiter me = new Waiter(priority, nextOrder++);
        waiting.add(me);
        waitingView.set(waiting.size());
        depth.get(priority).incrementAndGet();
        try {
            permitIn = awaitTurn(me, deadline);
            inFlight++;
            inFlightView.set(inFlight);
        } finally {
            if (waiting.remove(me)) {
                depth.get(priority).decrementAndGet();
                waitingView.set(waiting.size());
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

    /**
     * Under the lock: returns once {@code me} holds a permit (the caller counts it in flight). The quota is
     * asked with the lock released, since it may be a Redis round trip, or a Redis timeout.
     */
    private Duration awaitTurn(Waiter me, long deadline) {
        try {
            while (true) {
                long left = deadline - nanoClock.getAsLong();
                if (waiting.peek() == me && inFlight < maxConcurrency && !reserving) {
                    Duration maxWait = me.priority() == Priority.INTERACTIVE
                            ? Duration.ofNanos(Math.max(0, left)) : min(BACKGROUND_HORIZON, Math.max(0, left));
                    QuotaDecision decision = reserveUnlocked(maxWait);
                    if (decision.granted()) {
                        return decision.delay();
                    }
                    long stillLeft = deadline - nanoClock.getAsLong();
                    if (me.priority() == Priority.INTERACTIVE || decision.delay().toNanos() > stillLeft) {
                        throw busy(decision.delay());
                    }
                    // Background: come back when the permit is within the horizon, or when the queue changes.
                    changed.awaitNanos(Math.max(1_000_000, decision.delay().minus(BACKGROUND_HORIZON).toNanos()));
                    continue;
                }
                if (left <= 0) {
                    throw busy(BUSY_RETRY_AFTER);
                }
                changed.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.withoutAnswer(PlatformFailure.BUSY, "interrupted while queued for Hamsa", e);
        }
    }

    private QuotaDecision reserveUnlocked(Duration maxWait) {
        reserving = true;
        lock.unlock();
        try {
            return quota.reserve(maxWait);
        } finally {
            lock.lock();
            reserving = false;
            changed.signalAll();
        }
    }

    private static Duration min(Duration horizon, long leftNanos) {
        return horizon.toNanos() <= leftNanos ? horizon : Duration.ofNanos(leftNanos);
    }

    private void leave() {
        lock.lock();
        try {
            inFlight--;
            inFlightView.set(inFlight);
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
