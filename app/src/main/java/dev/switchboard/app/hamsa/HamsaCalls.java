package dev.switchboard.app.hamsa;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.PlatformAvailability;
import dev.switchboard.domain.port.out.PlatformTraffic;
import dev.switchboard.domain.port.out.UpstreamQuota;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The one set of policies every Hamsa call goes through, so the adapters stay plain translators. Around
 * each port operation ({@link #call}), from the outside in:
 * <ol>
 *   <li>retry (SmallRye Fault Tolerance), only on 429, 5xx and network failures, waiting what Hamsa asked
 *       for or 1, 2, 4, 8 s with jitter; never on another 4xx, and never after a possibly-applied create;</li>
 *   <li>the circuit breaker of the operation's {@link PlatformArea}: while open, nothing is sent or queued,
 *       and the team is told when the next trial call will be let through.</li>
 * </ol>
 * Around each HTTP request the adapter sends ({@link #send}): the {@link HamsaGate} (a slot and a shared quota
 * permit, in the caller's priority order), then the request itself, bounded by the REST client's connect and
 * read timeouts and measured. Every request, retries and list pages included, spends a quota permit.
 */
@Singleton
public class HamsaCalls implements PlatformTraffic, PlatformAvailability {

    private static final Logger LOG = Logger.getLogger(HamsaCalls.class);
    /** The longest background work waits out a Retry-After before it gives up on the call. */
    private static final Duration BACKGROUND_MAX_ASKED_WAIT = Duration.ofMinutes(10);

    private record RetryKey(Priority priority, boolean repeatable) {
    }

    private final QuotaBudget budget;
    private final HamsaGate gate;
    private final CircuitBreakerMaintenance breakers;
    private final Duration breakerDelay;
    private final Map<PlatformArea, Guard> breakerGuards = new EnumMap<>(PlatformArea.class);
    private final Map<RetryKey, Guard> retryGuards = new LinkedHashMap<>();
    private final Map<PlatformArea, Long> openedAtNanos = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Counter rateLimitedReceived;
    /** The priority of the port operation running on this thread; its requests queue with it. */
    private final ThreadLocal<Priority> currentPriority = new ThreadLocal<>();
    /** Hamsa's latest report, applied to the quota on the caller's thread (reports arrive on I/O threads). */
    private final AtomicReference<UpstreamLimits> pendingReport = new AtomicReference<>();

    HamsaCalls(SwitchboardConfig config, UpstreamQuota sharedQuota, MeterRegistry metrics,
               CircuitBreakerMaintenance breakers) {
        SwitchboardConfig.Upstream upstream = config.upstream();
        this.metrics = metrics;
        this.breakers = breakers;
        this.breakerDelay = upstream.breaker().delay();
        this.budget = new QuotaBudget(sharedQuota, upstream.quota(), metrics, System::nanoTime);
        this.gate = new HamsaGate(budget, upstream.queue().maxConcurrency(), upstream.queue().interactiveMaxWait(),
                metrics, System::nanoTime);
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
            Duration maxAskedWait = priority == Priority.INTERACTIVE
                    ? upstream.queue().interactiveMaxWait() : BACKGROUND_MAX_ASKED_WAIT;
            for (boolean repeatable : new boolean[] {true, false}) {
                retryGuards.put(new RetryKey(priority, repeatable), retryGuard(upstream.retry(), repeatable, maxAskedWait));
            }
        }
    }

    /** The agents port with every policy around it, for callers of the given priority. */
    public VoiceAgentPlatform agents(VoiceAgentPlatform platform, Priority priority) {
        return new GuardedVoiceAgentPlatform(platform, this, priority);
    }

    /**
     * Runs one Hamsa operation under the policies.
     *
     * @param repeatable whether sending it twice does no harm (reads, updates): only then is it retried after
     *                   a timeout or a dropped connection, when Hamsa may have acted without our hearing of it
     */
    <T> T call(PlatformArea area, String operation, Priority priority, boolean repeatable, Supplier<T> work) {
        Guard retry = retryGuards.get(new RetryKey(priority, repeatable));
        Guard breaker = breakerGuards.get(area);
        AtomicInteger attempts = new AtomicInteger();
        Priority outer = currentPriority.get();
        currentPriority.set(priority);
        try {
            @SuppressWarnings("unchecked")
            T result = (T) retry.get(() -> {
                if (attempts.incrementAndGet() > 1) {
                    counter("switchboard.hamsa.retries", operation, "Hamsa calls sent again after a failure").increment();
                }
                try {
                    return breaker.get(work::get, Object.class);
                } catch (CircuitBreakerOpenException e) {
                    throw circuitOpen(area);
                }
            }, Object.class);
            return result;
        } catch (PlatformException e) {
            if (attempts.get() > 1 && retryable(e, repeatable)) {
                counter("switchboard.hamsa.retries.exhausted", operation, "Hamsa calls given up after every retry failed")
                        .increment();
                LOG.warnf("Hamsa %s gave up after %d attempts: %s", operation, attempts.get(), e.getMessage());
            }
            throw e;
        } finally {
            currentPriority.set(outer);
            if (outer == null) {
                currentPriority.remove();
            }
        }
    }

    /**
     * One HTTP request of the adapter: queued with the priority of the operation it belongs to (a request
     * outside any guarded operation counts as a team's), sent with a quota permit, measured.
     */
    @Override
    public <T> T send(String operation, Supplier<T> request) {
        Priority priority = currentPriority.get() != null ? currentPriority.get() : Priority.INTERACTIVE;
        String name = operation.replace(' ', '-');
        try (HamsaGate.Pass ignored = gate.enter(priority)) {
            return measured(name, request);
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

    @Override
    public boolean cutOff(PlatformArea area) {
        return breakerState(area) != CircuitBreakerState.CLOSED;
    }

    /** Where the quota comes from, each breaker, and the queue; for health. */
    public record Status(Map<String, Object> data) {
    }

    public Status status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("quota", budget.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        status.put("quotaPerWindow", budget.policy().spendable());
        for (PlatformArea area : PlatformArea.values()) {
            CircuitBreakerState state = breakerState(area);
            status.put("breaker." + tag(area), state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        status.put("queued", gate.waiting());
        status.put("inFlight", gate.inFlight());
        return new Status(status);
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

    private static Guard retryGuard(SwitchboardConfig.Retry config, boolean repeatable, Duration maxAskedWait) {
        return Guard.create()
                .withRetry()
                .maxRetries(config.maxRetries())
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(30, ChronoUnit.MINUTES)
                .whenException(e -> retryable(e, repeatable) && !HamsaBackoff.asksMoreThan(e, maxAskedWait))
                .withCustomBackoff()
                .strategy(() -> new HamsaBackoff(config.initialDelay(), config.jitter()))
                .done()
                .done()
                .build();
    }

    /** 429, 5xx and connections never made are retried; a timeout or dropped connection only when repeatable. */
    static boolean retryable(Throwable e, boolean repeatable) {
        if (!(e instanceof PlatformException failure)) {
            return false;
        }
        return switch (failure.failure()) {
            case RATE_LIMITED, UNAVAILABLE -> true;
            case TIMEOUT -> repeatable;
            case VALIDATION, AUTH, NOT_FOUND, BAD_RESPONSE, CIRCUIT_OPEN, BUSY -> false;
        };
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
