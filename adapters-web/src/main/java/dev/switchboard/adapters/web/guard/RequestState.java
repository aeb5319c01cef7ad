package dev.switchboard.adapters.web.guard;

import dev.switchboard.domain.model.Admission;
import dev.switchboard.domain.model.IdempotencyKey;
import jakarta.enterprise.context.RequestScoped;

/** What the guards learn about a request on its way in, for {@link ResponseFinisher} on its way out. */
@RequestScoped
public class RequestState {

    record Claim(IdempotencyKey key, String token) {
    }

    private Admission admission;
    private Claim claim;
    private boolean replayed;

    Admission admission() {
        return admission;
    }

    void admitted(Admission admission) {
        this.admission = admission;
    }

    void claimed(IdempotencyKey key, String token) {
        this.claim = new Claim(key, token);
    }

    /** The claim, handed over exactly once so the answer is stored once. */
    Claim takeClaim() {
        Claim taken = claim;
        claim = null;
        return taken;
    }

    boolean replayed() {
        return replayed;
    }

    void markReplayed() {
        this.replayed = true;
    }
}
