package dev.switchboard.app.calls;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.StorageUnavailableException;
import dev.switchboard.domain.port.in.ApplyCallEventsUseCase;
import dev.switchboard.domain.port.in.DispatchCallsUseCase;
import dev.switchboard.domain.port.in.ReconcileCallsUseCase;
import dev.switchboard.domain.port.out.CallEventInbox.ApplyReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * The call workers every replica runs: dispatch (queued calls to Hamsa), inbox (stored events onto their calls)
 * and reconcile (overdue calls looked up on Hamsa). Replicas share the work through Postgres
 * ({@code FOR UPDATE SKIP LOCKED}). Each worker has its own thread; a pass that finds a full batch goes on at
 * once, so a backlog drains at full speed, and an idle worker looks again after its interval.
 *
 * <p>Written by hand rather than with Quarkus' scheduler: the scheduler's {@code every} has a granularity of one
 * second (shorter intervals are run late, with a warning), and an event should reach its call within a few
 * hundred milliseconds of being received.
 */
@Singleton
public class CallWorkers {

    private static final Logger LOG = Logger.getLogger(CallWorkers.class);
    /** One pass gives way after this long, so a stop request is seen promptly. */
    private static final long PASS_NANOS = 2_000_000_000L;

    private final DispatchCallsUseCase dispatch;
    private final ApplyCallEventsUseCase inbox;
    private final ReconcileCallsUseCase reconcile;
    private final SwitchboardConfig.Calls config;
    private final Counter applied;
    private final Counter applyFailed;
    private final Counter deadLettered;
    private final Counter dispatched;
    private final AtomicBoolean storageDown = new AtomicBoolean();
    private ScheduledExecutorService threads;

    CallWorkers(DispatchCallsUseCase dispatch, ApplyCallEventsUseCase inbox, ReconcileCallsUseCase reconcile,
                SwitchboardConfig config, MeterRegistry metrics) {
        this.dispatch = dispatch;
        this.inbox = inbox;
        this.reconcile = reconcile;
        this.config = config.calls();
        this.applied = Counter.builder("switchboard.call.events.applied").description("Hamsa events applied to their calls")
                .register(metrics);
        this.applyFailed = Counter.builder("switchboard.call.events.failed")
                .description("Hamsa event applications that failed and will be tried again").register(metrics);
        this.deadLettered = Counter.builder("switchboard.call.events.dead.lettered")
                .description("Hamsa events moved to the dead letters").register(metrics);
        this.dispatched = Counter.builder("switchboard.call.dispatch.jobs")
                .description("Dispatch jobs taken (calls sent to Hamsa, found there, or failed)").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (!config.workersEnabled()) {
            LOG.info("Call workers are off on this replica (switchboard.calls.workers-enabled=false)");
            return;
        }
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newScheduledThreadPool(3, task -> {
            Thread thread = new Thread(task, "call-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        every(config.dispatch().every(), () -> drain("dispatch", this::dispatchPass));
        every(config.inbox().every(), () -> drain("inbox", this::inboxPass));
        every(config.reconcile().every(), () -> drain("reconcile", this::reconcilePass));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (threads != null) {
            threads.shutdown();
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        }
    }

    private void every(Duration interval, Runnable pass) {
        threads.scheduleWithFixedDelay(pass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private int dispatchPass() {
        int taken = dispatch.dispatchDue(config.dispatch().batch());
        dispatched.increment(taken);
        return taken >= config.dispatch().batch() ? taken : 0;
    }

    private int inboxPass() {
        ApplyReport report = inbox.applyPending(config.inbox().batch());
        applied.increment(report.applied());
        applyFailed.increment(report.failed());
        deadLettered.increment(report.deadLettered());
        return report.handled() >= config.inbox().batch() ? report.handled() : 0;
    }

    private int reconcilePass() {
        return reconcile.reconcileOverdue(config.reconcile().batch()) >= config.reconcile().batch() ? 1 : 0;
    }

    /** Runs passes while each says more work is waiting (returns non-zero), within one pass' time. Never throws. */
    private void drain(String worker, IntSupplier pass) {
        long start = System.nanoTime();
        try {
            while (pass.getAsInt() > 0 && System.nanoTime() - start < PASS_NANOS && !threads.isShutdown()) {
                // a full batch: more is likely waiting
            }
            if (storageDown.compareAndSet(true, false)) {
                LOG.infof("Call workers reach Postgres again (%s)", worker);
            }
        } catch (StorageUnavailableException e) {
            if (storageDown.compareAndSet(false, true)) {
                LOG.warnf("Call workers cannot reach Postgres (%s); they keep trying: %s", worker, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Call %s worker pass failed; it runs again after its interval", worker);
        }
    }
}
