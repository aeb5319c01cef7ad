package dev.switchboard.domain.service;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallPolicy;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.DispatchJob;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.PlatformCallRequest;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.port.in.DispatchCallsUseCase;
import dev.switchboard.domain.port.out.CallDispatchQueue;
import dev.switchboard.domain.port.out.CallPlatform;
import dev.switchboard.domain.port.out.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Sends queued calls to Hamsa. Any replica's worker may take a job; the job's lease makes it that worker's
 * alone until the lease runs out. A job taken again (its earlier worker died, or its earlier attempt may have
 * reached Hamsa) first asks Hamsa whether it already has the call, by the correlation key in its params, so
 * Hamsa is never asked twice to place one call.
 */
public final class CallDispatchService implements DispatchCallsUseCase {

    private static final System.Logger LOG = System.getLogger(CallDispatchService.class.getName());

    private final CallDispatchQueue queue;
    private final CallPlatform platform;
    private final SecretCipher cipher;
    private final Clock clock;
    private final CallPolicy policy;
    private final String owner;

    public CallDispatchService(CallDispatchQueue queue, CallPlatform platform, SecretCipher cipher, Clock clock,
                               CallPolicy policy, String owner) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public int dispatchDue(int max) {
        List<DispatchJob> jobs = queue.lease(max, owner, policy.dispatchLease());
        for (DispatchJob job : jobs) {
            dispatch(job);
        }
        return jobs.size();
    }

    private void dispatch(DispatchJob job) {
        Call call = job.call();
        if (call.status() != CallStatus.QUEUED) {
            finish(job, current -> current);
            return;
        }
        String hamsaCallId;
        try {
            Optional<String> earlier = Optional.empty();
            if (job.attempt() > 1) {
                if (!holdsLease(job)) {
                    return;
                }
                earlier = platform.findCall(call.hamsaAgentId(), call.id(), call.platformSearchFrom());
                earlier.ifPresent(id -> LOG.log(System.Logger.Level.INFO,
                        "Call {0} was already placed on Hamsa as {1} by an earlier attempt; not sent again", call.id(), id));
            }
            if (earlier.isPresent()) {
                hamsaCallId = earlier.get();
            } else {
                if (!holdsLease(job)) {
                    return;
                }
                hamsaCallId = call.channel() == CallChannel.WEB
                        ? platform.initConversation(call.hamsaAgentId(), call.paramsForHamsa())
                        : platform.placeCall(request(job));
            }
        } catch (PlatformException e) {
            failed(job, e);
            return;
        } catch (RuntimeException e) {
            // Not Hamsa's answer (a sealed secret that cannot be opened, a fault of ours): this job alone is given
            // back, and the rest of the batch is still sent. The team's reason does not show our internals.
            LOG.log(System.Logger.Level.ERROR, "Call " + call.id() + " could not be sent", e);
            retryOrFail(job, e.toString(), "Switchboard could not send the call after " + job.attempt() + " attempts",
                    false);
            return;
        }
        String accepted = hamsaCallId;
        finish(job, current -> current.dispatched(accepted, clock.instant()));
    }

    /**
     * Renews the lease right before a request to Hamsa. A job leased in a batch may wait its turn behind the
     * others (and behind teams for the quota) past its lease; another worker may then have taken it, and must
     * be the only one to send it.
     */
    private boolean holdsLease(DispatchJob job) {
        if (queue.renew(job, policy.dispatchLease())) {
            return true;
        }
        LOG.log(System.Logger.Level.INFO, "Call {0}: lease lost before sending; another worker has it", job.call().id());
        return false;
    }

    private PlatformCallRequest request(DispatchJob job) {
        Call call = job.call();
        WebhookSecret secret = WebhookSecret.of(cipher.open(job.sealedSecret(), CallService.secretContext(call.id())));
        return new PlatformCallRequest(call.hamsaAgentId(), call.toNumber(), call.fromNumber(), call.paramsForHamsa(),
                policy.webhookUrl(call.id()), secret);
    }

    private void failed(DispatchJob job, PlatformException e) {
        Call call = job.call();
        boolean refused = switch (e.failure()) {
            case VALIDATION, NOT_FOUND -> true;
            default -> false;
        };
        if (refused) {
            LOG.log(System.Logger.Level.WARNING, "Hamsa refused call {0}: {1}", call.id(), e.getMessage());
            finish(job, current -> current.failedToDispatch("Hamsa refused the call: " + e.getMessage(), clock.instant()));
        } else if (nothingSent(e)) {
            // Our own queue or breaker held the call back, or Hamsa asked us to wait: not an attempt at Hamsa, so
            // it does not count towards failing the call; it waits as long as Hamsa asked, if Hamsa said.
            Instant next = clock.instant().plus(e.retryAfter().filter(d -> !d.isZero())
                    .orElse(policy.dispatchBackoff(1)));
            LOG.log(System.Logger.Level.INFO, "Call {0} held back ({1}); next try at {2}", call.id(), e.failure(), next);
            queue.retryLater(job, next, e.failure() + ": " + e.getMessage(), false);
        } else {
            retryOrFail(job, e.failure() + ": " + e.getMessage(),
                    "Hamsa could not be reached after " + job.attempt() + " attempts: " + e.getMessage(),
                    e.mayHaveTakenEffect());
        }
    }

    /** Failures after which Hamsa surely did not see the call: our queue was full, the breaker open, or a 429. */
    private static boolean nothingSent(PlatformException e) {
        return switch (e.failure()) {
            case BUSY, CIRCUIT_OPEN, RATE_LIMITED -> !e.mayHaveTakenEffect();
            default -> false;
        };
    }

    /**
     * Gives the job back for a later attempt, or fails the call, with {@code reason}, once its attempts are used up.
     * A call whose last attempt may have reached Hamsa is never failed: Hamsa may be ringing it. It is tried again,
     * and the next attempt asks Hamsa first; only an answer that Hamsa does not have it lets the call fail.
     */
    private void retryOrFail(DispatchJob job, String error, String reason, boolean mayHaveReachedHamsa) {
        Call call = job.call();
        if (job.attempt() >= policy.dispatchMaxAttempts() && !mayHaveReachedHamsa) {
            LOG.log(System.Logger.Level.WARNING, "Call {0} not sent after {1} attempts: {2}", call.id(), job.attempt(),
                    error);
            finish(job, current -> current.failedToDispatch(reason, clock.instant()));
        } else {
            Instant next = clock.instant().plus(policy.dispatchBackoff(job.attempt()));
            LOG.log(job.attempt() >= policy.dispatchMaxAttempts() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                    "Call {0} attempt {1} failed ({2}); next at {3}", call.id(), job.attempt(), error, next);
            queue.retryLater(job, next, error, true);
        }
    }

    private void finish(DispatchJob job, UnaryOperator<Call> change) {
        if (!queue.complete(job, change)) {
            LOG.log(System.Logger.Level.WARNING, "Lost the lease on call {0} before it was stored; the worker that holds "
                    + "it now will find it on Hamsa instead of placing it again", job.call().id());
        }
    }
}
