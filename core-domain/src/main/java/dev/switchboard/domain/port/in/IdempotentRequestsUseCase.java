package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.IdempotencyClaim;
import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.RecordedResponse;

/**
 * Runs each request with an idempotency key at most once. A request claims its key with a
 * fingerprint of itself; the first claim gets the key, and later ones get the first one's answer
 * (same fingerprint, finished), a conflict (same fingerprint, still running) or a mismatch.
 */
public interface IdempotentRequestsUseCase {

    /** @throws dev.switchboard.domain.model.IdempotencyUnavailableException if the store cannot be reached */
    IdempotencyClaim claim(IdempotencyKey key, String fingerprint);

    /** Keeps the answer for later retries; only the claim's holder can. */
    void complete(IdempotencyKey key, String token, RecordedResponse response);

    /** Gives the key up without an answer, so a retry runs the request again. */
    void release(IdempotencyKey key, String token);
}
