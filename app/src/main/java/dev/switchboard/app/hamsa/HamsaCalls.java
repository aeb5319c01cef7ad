package dev.switchboard.app.hamsa;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.CallPlatform;
import dev.switchboard.domain.port.out.PlatformAvailability;
import dev.switchboard.domain.port.out.PlatformTraffic;
import dev.switchboard.domain.port.out.UpstreamQuota;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.WebToolPlatform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The one set of policies every Hamsa request goes through, so the adapters stay plain translators. The
 * adapter sends each HTTP request through {@link #send}; from the outside in it meets:
 * <ol>
 *   <li>retry (SmallRye Fault Tolerance), only on 429, 5xx and network failures, waiting what Hamsa asked
 *       for or 1, 2, 4, 8 s with jitter; never on another 4xx, and never when a request that must not run
 *       twice may already have been carried out;</li>
 *   <li>the circuit breaker of the request's {@link PlatformArea}: while open, nothing is queued or sent,
 *       and the team is told when the next trial call will be let through;</li>
 *   <li>the {@link HamsaGate}: a slot and a shared quota permit, in the caller's priority order, within the
 *       caller's deadline;</li>
 *   <li>SmallRye's breaker proper, which counts the outcome, then the request itself, bounded by the REST
 *       client's connect and read timeouts, and measured.</li>
 * </ol>
 * Retrying per request rather than per port operation means a copy read back after a clone, or one page of
 * a list, is retried alone, never the request before it. Every attempt spends a quota permit. Who is waiting
 * (priority, deadline) is set per port operation by {@link #agents}, and reaches the requests on the same
 * thread.
 */
@Singleton
public class HamsaCalls implements PlatformTraffic, PlatformAvailability {

    private static final Logger LOG = Logger.getLogger(HamsaCalls.class);
    /** How long background work may keep retrying one request. */
    private static final Duration BACKGROUND_MAX_DURATION = Duration.ofMinutes(30);

    private record RetryKey(Priority priority, boolean repeatable) {
    }

    /**
     * Who waits for the port operation running on this thread, and until when; and whether a request of it
     * that must not run twice has already been carried out by Hamsa (the operation is then committed: what
     * is left of it, such as reading the new agent back, must finish rather than be given up for time).
     */
    private static final class Caller {
        private final Priority priority;
        private final long deadlineNanos;
        private boolean committed;

        Caller(Priority priority, long deadlineNanos) {
            this.priority = priority;
            this.deadlineNanos = deadlineNanos;
        }

        Priority priority() {
            return priority;
        }

        Duration left() {
            return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        }
    }

    /** How long the rest of a committed operation may wait for its turn. */
    private static final Duration COMMITTED_MAX_WAIT = Duration.ofMinutes(2);

    private final QuotaBudget budget;
    private final HamsaGate gate;
    private final CircuitBreakerMaintenance breakers;
    private final Duration breakerDelay;
    private final Duration interactiveMaxDuration;
    private final Duration interactiveMaxWait;
    private final Map<PlatformArea, Guard> breakerGuards = new EnumMap<>(PlatformArea.class);
    private final Map<RetryKey, Guard> retryGuards = new LinkedHashMap<>();
    private final Map<PlatformArea, Long> openedAtNanos = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Counter rateLimitedReceived;
    private final ThreadLocal<Caller> currentCaller = new ThreadLocal<>();
    /** Hamsa's latest report, applied to the quota on the caller's thread (reports arrive on I/O threads). */
    private final AtomicReference<UpstreamLimits> pendingReport = new AtomicReference<>();

    HamsaCalls(SwitchboardConfig config, UpstreamQuota sharedQuota, MeterRegistry metrics,
               CircuitBreakerMaintenance breakers) {
        SwitchboardConfig.Upstream upstream = config.upstream();
        this.metrics = metrics;
        this.breakers = breakers;
        this.breakerDelay = upstream.breaker().delay();
        this.interactiveMaxDuration = upstream.retry().interactiveMaxDuration();
        this.interactiveMaxWait = upstream.queue().interactiveMaxWait();
        this.budget = new QuotaBudget(sharedQuota, upstream.quota(), metrics, System::nanoTime);
        this.gate = new HamsaGate(budget, upstream.queue().maxConcurrency(), metrics, System::nanoTime);
        this.rateLimitedReceived = Counter.builder("switchboard.hamsa.rate.limited")
                .description("429 answers received from Hamsa").register(metrics);
        for (PlatformArea area : PlatformArea.values()) {
            breakerGuards.put(area, breakerGuard(area, upstream.breaker(), state -> {
                LOG.warnf("Hamsa %s circuit breaker is now %s", tag(area), state);
                if (state == CircuitBreakerState.OPEN) {
                    openedAtNanos.put(area, System.nanoTime());
                }
            }));
            Gauge.builder("switchboard.hamsa.breaker.state", this, c -> stateValue(c.breakerState(area)))
                    .tag("area", tag(area)).description("0 closed, 1 half-open, 2 open").register(metrics);
        }
        for (Priority priority : Priority.values()) {
            Duration maxDuration = priority == Priority.INTERACTIVE ? interactiveMaxDuration : BACKGROUND_MAX_DURATION;
            Duration maxAskedWait = priority == Priority.INTERACTIVE ? interactiveMaxWait : BACKGROUND_MAX_DURATION;
            for (boolean repeatable : new boolean[] {true, false}) {
                retryGuards.put(new RetryKey(priority, repeatable),
                        retryGuard(upstream.retry(), repeatable, maxDuration, maxAskedWait));
            }
        }
    }

    /**
     * The calls port, its every request queued and retried for callers of the given priority, each operation
     * within {@code maxDuration} (a dispatch must be over well before its lease runs out).
     */
    public CallPlatform calls(CallPlatform platform, Priority priority, Duration maxDuration) {
        return new GuardedCallPlatform(platform, this, priority, maxDuration);
    }

    /** The agents port, its every request queued and retried for callers of the given priority. */
    public VoiceAgentPlatform agents(VoiceAgentPlatform platform, Priority priority) {
        return new GuardedVoiceAgentPlatform(platform, this, priority);
    }

    /** The knowledge-base port, its every request queued and retried for callers of the given priority. */
    public KnowledgeBasePlatform knowledge(KnowledgeBasePlatform platform, Priority priority) {
        return new GuardedKnowledgeBasePlatform(platform, this, priority);
    }

    /** The web-tools port, its every request queued and retried for callers of the given priority. */
    public WebToolPlatform tools(WebToolPlatform platform, Priority priority) {
        return new GuardedWebToolPlatform(platform, this, priority);
    }

    /**
     * Runs one port operation for a caller of this priority: its requests queue with that priority, and a
     * team's requests all share one deadline ({@code interactive-max-duration}), however many there are.
     */
    <T> T forCaller(Priority priority, Supplier<T> operation) {
        return forCaller(priority, priority == Priority.INTERACTIVE ? interactiveMaxDuration : BACKGROUND_MAX_DURATION,
                operation);
    }

    /** As {@link #forCaller(Priority, Supplier)}, with the operation's own time budget. */
    <T> T forCaller(Priority priority, Duration budgetFor, Supplier<T> operation) {
        Caller outer = currentCaller.get();
        long deadline = System.nanoTime() + budgetFor.toNanos();
        // Nested in another operation: never later than the deadline the outer caller already has.
        currentCaller.set(new Caller(priority, outer == null || deadline - outer.deadlineNanos < 0 ? deadline
                : outer.deadlineNanos));
        try {
            return operation.get();
        } finally {
            if (outer == null) {
                currentCaller.remove();
            } else {
                currentCaller.set(outer);
            }
        }
    }

    @Override
    public <T> T send(PlatformArea area, String operation, boolean repeatable, Supplier<T> request) {
        Caller caller = currentCaller.get();
        if (caller == null) {
            // a request outside any operation (the adapter used directly) counts as a team's
            return forCaller(Priority.INTERACTIVE, () -> send(area, operation, repeatable, request));
        }
        String name = operation.replace(' ', '-');
        Guard retry = retryGuards.get(new RetryKey(caller.priority(), repeatable));
        Guard breaker = breakerGuards.get(area);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<PlatformException> lastFailure = new AtomicReference<>();
        try {
            @SuppressWarnings("unchecked")
            T result = (T) retry.get(() -> {
                if (attempts.incrementAndGet() > 1) {
                    if (!caller.committed && caller.left().isZero()) {
                        // The wait before this retry ran past the team's deadline: its answer is the failure
                        // that made us wait, not a refusal by the queue.
                        throw lastFailure.get();
                    }
                    counter("switchboard.hamsa.retries", name, "Hamsa requests sent again after a failure").increment();
                }
                try {
                    return attempt(area, name, caller, breaker, request);
                } catch (PlatformException e) {
                    lastFailure.set(e);
                    throw e;
                }
            }, Object.class);
            if (!repeatable) {
                caller.committed = true;
            }
            return result;
        } catch (PlatformException e) {
            if (attempts.get() > 1 && retryable(e, repeatable)) {
                counter("switchboard.hamsa.retries.exhausted", name, "Hamsa requests given up after every retry failed")
                        .increment();
                LOG.warnf("Hamsa %s gave up after %d attempts: %s", operation, attempts.get(), e.getMessage());
            }
            // Once Hamsa carried out part of the operation, whatever fails after it leaves the whole unknown.
            throw caller.committed && !e.mayHaveTakenEffect() ? e.withEffectUnknown() : e;
        }
    }

    private Object attempt(PlatformArea area, String name, Caller caller, Guard breaker, Supplier<?> request) {
        // Checked before queueing, so a refused request spends no quota permit; SmallRye's own check below
        // still decides trial calls when the breaker is half-open.
        if (breakerState(area) == CircuitBreakerState.OPEN) {
            throw circuitOpen(area);
        }
        Duration maxWait = caller.committed ? COMMITTED_MAX_WAIT
                : caller.priority() == Priority.INTERACTIVE ? min(interactiveMaxWait, caller.left()) : caller.left();
        try (HamsaGate.Pass ignored = gate.enter(caller.priority(), maxWait)) {
            return breaker.get(() -> (Object) measured(name, request), Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw circuitOpen(area);
        } finally {
            applyPendingReport();
        }
    }

    private <T> T measured(String operation, Supplier<T> request) {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return request.get();
        } catch (PlatformException e) {
            outcome = e.failure().name().toLowerCase(Locale.ROOT);
            if (e.failure() == PlatformFailure.RATE_LIMITED) {
                rateLimitedReceived.increment();
                // Whatever the headers said, a 429 means "nothing more until then", for every replica.
                e.retryAfter().ifPresent(wait -> budget.observe(UpstreamLimits.exhaustedFor(wait)));
            }
            throw e;
        } finally {
            Timer.builder("switchboard.hamsa.requests").tag("operation", operation).tag("outcome", outcome)
                    .description("Requests sent to Hamsa, one per attempt").publishPercentileHistogram()
                    .register(metrics).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void observed(UpstreamLimits limits) {
        pendingReport.set(limits);
    }

    private void applyPendingReport() {
        UpstreamLimits report = pendingReport.getAndSet(null);
        if (report == null) {
            return;
        }
        try {
            budget.observe(report);
        } catch (RuntimeException e) {
            LOG.debugf("Could not apply Hamsa's rate-limit report: %s", e.toString());
        }
    }

    /**
     * Only while the breaker is open: half-open, it is waiting for a trial call that a read never makes, and
     * Hamsa may well be back.
     */
    @Override
    public boolean cutOff(PlatformArea area) {
        return breakerState(area) == CircuitBreakerState.OPEN;
    }

    /** Where the quota comes from, each breaker, and the queue; for health. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("quota", budget.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        status.put("quotaPerWindow", budget.spendingPolicy().spendable());
        for (PlatformArea area : PlatformArea.values()) {
            status.put("breaker." + tag(area), breakerState(area).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        status.put("queued", gate.waiting());
        status.put("inFlight", gate.inFlight());
        return status;
    }

    CircuitBreakerState breakerState(PlatformArea area) {
        return breakers.currentState(breakerName(area));
    }

    static String breakerName(PlatformArea area) {
        return "hamsa-" + tag(area);
    }

    private static Guard breakerGuard(PlatformArea area, SwitchboardConfig.Breaker config,
                                      Consumer<CircuitBreakerState> onChange) {
        return Guard.create()
                .withDescription("Hamsa " + tag(area))
                .withCircuitBreaker()
                .name(breakerName(area))
                .requestVolumeThreshold(config.requestVolume())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(config.successThreshold())
                .when(HamsaCalls::isOutage)
                .onStateChange(onChange)
                .done()
                .build();
    }

    private Guard retryGuard(SwitchboardConfig.Retry config, boolean repeatable, Duration maxDuration,
                             Duration maxAskedWait) {
        return Guard.create()
                .withRetry()
                .maxRetries(config.maxRetries())
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(maxDuration.toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> retryable(e, repeatable) && !HamsaBackoff.asksMoreThan(e, maxAskedWait)
                        && callerHasTimeLeft())
                .withCustomBackoff()
                .strategy(() -> new HamsaBackoff(config.initialDelay(), config.jitter()))
                .done()
                .done()
                .build();
    }

    /** Past the operation's deadline the failure itself is the answer, rather than a retry refused by the queue. */
    private boolean callerHasTimeLeft() {
        Caller caller = currentCaller.get();
        return caller == null || caller.committed || !caller.left().isZero();
    }

    /**
     * 429, 5xx and failures to connect can be cured by a retry. A request that must not run twice is retried
     * only when Hamsa certainly did not carry it out: a 429, a 503, or a connection never made.
     */
    static boolean retryable(Throwable e, boolean repeatable) {
        if (!(e instanceof PlatformException failure)) {
            return false;
        }
        boolean curable = switch (failure.failure()) {
            case RATE_LIMITED, UNAVAILABLE, TIMEOUT -> true;
            case VALIDATION, AUTH, NOT_FOUND, BAD_RESPONSE, CIRCUIT_OPEN, BUSY -> false;
        };
        return curable && (repeatable || !failure.mayHaveTakenEffect());
    }

    /** What counts against a breaker: Hamsa failing or not answering, not Hamsa refusing a request. */
    private static boolean isOutage(Throwable e) {
        return e instanceof PlatformException failure
                && (failure.failure() == PlatformFailure.UNAVAILABLE || failure.failure() == PlatformFailure.TIMEOUT);
    }

    /** Nothing was sent; the team is told when the breaker will next let a trial call through. */
    private PlatformException circuitOpen(PlatformArea area) {
        long openedAt = openedAtNanos.getOrDefault(area, System.nanoTime());
        Duration left = breakerDelay.minusNanos(System.nanoTime() - openedAt);
        return new PlatformException(PlatformFailure.CIRCUIT_OPEN, null, null,
                left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left, Map.of(), null);
    }

    private Counter counter(String name, String operation, String description) {
        return Counter.builder(name).tag("operation", operation).description(description).register(metrics);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String tag(PlatformArea area) {
        return area.name().toLowerCase(Locale.ROOT);
    }

    private static int stateValue(CircuitBreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }
}
