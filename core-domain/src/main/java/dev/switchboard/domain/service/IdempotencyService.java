package dev.switchboard.domain.service;

import dev.switchboard.domain.model.IdempotencyClaim;
import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.RecordedResponse;
import dev.switchboard.domain.port.in.IdempotentRequestsUseCase;
import dev.switchboard.domain.port.out.IdempotencyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency-Key semantics after Stripe and the IETF draft: the first answer is kept for
 * {@code retention} and replayed for the same request; a running first request holds its key for at
 * most {@code lease}, so a replica that dies mid-request does not hold it for a day.
 */
public final class IdempotencyService implements IdempotentRequestsUseCase {

    private static final System.Logger LOG = System.getLogger(IdempotencyService.class.getName());

    private final IdempotencyStore store;
    private final Duration lease;
    private final Duration retention;

    public IdempotencyService(IdempotencyStore store, Duration lease, Duration retention) {
        this.store = Objects.requireNonNull(store, "store");
        this.lease = positive(lease, "lease");
        this.retention = positive(retention, "retention");
    }

    @Override
    public IdempotencyClaim claim(IdempotencyKey key, String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        String token = UUID.randomUUID().toString();
        Optional<IdempotencyStore.Entry> held = store.claim(key, fingerprint, token, lease);
        if (held.isEmpty()) {
            return new IdempotencyClaim.Acquired(token);
        }
        IdempotencyStore.Entry entry = held.get();
        if (!entry.fingerprint().equals(fingerprint)) {
            return new IdempotencyClaim.Mismatch();
        }
        return entry.response().<IdempotencyClaim>map(IdempotencyClaim.Replay::new)
                .orElseGet(IdempotencyClaim.InProgress::new);
    }

    @Override
    public void complete(IdempotencyKey key, String token, RecordedResponse response) {
        if (!store.complete(key, token, response, retention)) {
            // The lease ran out before the work did: a retry may already have run it again. Said loudly,
            // since it is the one way a keyed request can run twice; a longer lease is the cure.
            LOG.log(System.Logger.Level.ERROR, "Could not keep the idempotent answer: the key''s {0} lease ran out first", lease);
        }
    }

    @Override
    public void release(IdempotencyKey key, String token) {
        store.release(key, token);
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
