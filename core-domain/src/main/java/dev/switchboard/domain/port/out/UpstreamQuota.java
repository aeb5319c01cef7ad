package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.QuotaDecision;
import dev.switchboard.domain.model.QuotaPolicy;
import dev.switchboard.domain.model.UpstreamLimits;
import java.time.Duration;

/**
 * The platform's request quota, one budget for every replica of Switchboard. A permit is reserved in time:
 * the answer says how long the caller must wait before sending, so callers never poll.
 * Implementations throw any runtime exception when their store cannot be reached.
 */
public interface UpstreamQuota {

    /**
     * Reserves one permit, unless the caller would have to wait longer than {@code maxWait} for it, in which
     * case nothing is reserved and the answer says how long it would have been.
     */
    QuotaDecision reserve(QuotaPolicy policy, Duration maxWait);

    /** Tightens the budget with what the platform reported: a lower limit, or no requests until a reset. */
    void observe(QuotaPolicy policy, UpstreamLimits limits);
}
