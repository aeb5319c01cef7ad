package dev.switchboard.domain.model;

import java.util.Objects;

/**
 * A call's turn to be sent to Hamsa, leased by one worker. {@code attempt} counts this lease too: above 1, an
 * earlier worker may already have reached Hamsa, so Hamsa is asked about the call before it is sent again.
 *
 * @param sealedSecret the call's webhook secret as stored, sealed
 */
public record DispatchJob(Call call, String sealedSecret, int attempt, String leaseOwner) {

    public DispatchJob {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
    }
}
