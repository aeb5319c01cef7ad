package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.RecordedResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Shared memory of idempotency keys, visible to every replica. Every method throws
 * {@link dev.switchboard.domain.model.IdempotencyUnavailableException} when the store cannot be reached.
 */
public interface IdempotencyStore {

    /** What the store holds for a key: whose request it is, and its answer once there is one. */
    record Entry(String fingerprint, Optional<RecordedResponse> response) {
    }

    /**
     * Atomically takes the key for {@code token} for {@code lease}, unless someone holds or held it.
     *
     * @return empty if the key is now this token's; otherwise what the store already holds
     */
    Optional<Entry> claim(IdempotencyKey key, String fingerprint, String token, Duration lease);

    /** Stores the answer for {@code retention}, if the key is still this token's. */
    boolean complete(IdempotencyKey key, String token, RecordedResponse response, Duration retention);

    /** Forgets the key, if it is still this token's and unanswered. */
    void release(IdempotencyKey key, String token);
}
