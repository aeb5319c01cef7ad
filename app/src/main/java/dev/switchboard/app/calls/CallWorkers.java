package dev.switchboard.app.calls;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.StorageUnavailableException;
import dev.switchboard.domain.port.in.ApplyCallEventsUseCase;
import dev.switchboard.domain.port.in.DispatchCallsUseCase;
import dev.switchboard.domain.port.in.ReconcileCallsUseCase;
import dev.switchboard.domain.port.out.CallEventInbox.ApplyReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * The call workers every replica runs on Quarkus' scheduler: dispatch (queued calls to Hamsa), inbox (stored
 * events onto their calls) and reconcile (overdue calls looked up on Hamsa). Replicas share the work through
 * Postgres ({@code FOR UPDATE SKIP LOCKED}); a pass never overlaps the previous one on the same replica, and a
 * pass that finds a full batch goes on at once, so a backlog drains at full speed rather than one batch a tick.
 */
@Singleton
public class CallWorkers {

    private static final Logger LOG = Logger.getLogger(CallWorkers.class);
    /** One pass stops after this long, so the scheduler thread comes back and the other workers get their turn. */
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

    @Scheduled(every = "${switchboard.calls.dispatch.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WorkersDisabled.class)
    void dispatchDue() {
        drain("dispatch", () -> {
            int taken = dispatch.dispatchDue(config.dispatch().batch());
            dispatched.increment(taken);
            return taken >= config.dispatch().batch() ? taken : 0;
        });
    }

    @Scheduled(every = "${switchboard.calls.inbox.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WorkersDisabled.class)
    void applyEvents() {
        drain("inbox", () -> {
            ApplyReport report = inbox.applyPending(config.inbox().batch());
            applied.increment(report.applied());
            applyFailed.increment(report.failed());
            deadLettered.increment(report.deadLettered());
            return report.handled() >= config.inbox().batch() ? report.handled() : 0;
        });
    }

    @Scheduled(every = "${switchboard.calls.reconcile.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WorkersDisabled.class)
    void reconcileOverdue() {
        drain("reconcile", () -> reconcile.reconcileOverdue(config.reconcile().batch()) >= config.reconcile().batch() ? 1 : 0);
    }

    /** Runs passes while each says more work is waiting (returns non-zero), within one pass' time. */
    private void drain(String worker, IntSupplier pass) {
        long start = System.nanoTime();
        try {
            while (pass.getAsInt() > 0 && System.nanoTime() - start < PASS_NANOS) {
                // a full batch: more is likely waiting
            }
            if (storageDown.compareAndSet(true, false)) {
                LOG.infof("Call workers reach Postgres again (%s)", worker);
            }
        } catch (StorageUnavailableException e) {
            if (storageDown.compareAndSet(false, true)) {
                LOG.warnf("Call workers cannot reach Postgres (%s); they try again every tick: %s", worker, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Call %s worker pass failed; it runs again next tick", worker);
        }
    }
}
