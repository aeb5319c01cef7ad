package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.DispatchJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The calls waiting to be sent to Hamsa, shared by every replica. A worker leases jobs; a lease that runs out
 * (its worker died) makes the job available to any worker again.
 */
public interface CallDispatchQueue {

    /** Leases up to {@code max} due jobs no other worker holds, oldest first. */
    List<DispatchJob> lease(int max, String owner, Duration lease);

    /**
     * Extends the job's lease to {@code lease} from now, if it is still its owner's and has not run out: called
     * right before each request to Hamsa, so no request is sent on a lease another worker may have taken over.
     *
     * @return false if the lease was lost: the job is no longer this worker's, and nothing may be sent for it
     */
    boolean renew(DispatchJob job, Duration lease);

    /**
     * Removes the job and stores {@code change} applied to the call as it is now (Hamsa's first events may have
     * been applied since the lease was taken), if {@code job}'s lease is still its owner's, in one transaction.
     *
     * @return false if the lease was lost (it ran out and another worker took the job): nothing was stored
     */
    boolean complete(DispatchJob job, UnaryOperator<Call> change);

    /**
     * Gives the job back, due again at {@code at}, with the error that stopped this attempt.
     *
     * @param counts false when nothing reached Hamsa (our queue or breaker held it back, or a 429): the lease is
     *               then not counted as an attempt
     */
    void retryLater(DispatchJob job, Instant at, String error, boolean counts);
}
