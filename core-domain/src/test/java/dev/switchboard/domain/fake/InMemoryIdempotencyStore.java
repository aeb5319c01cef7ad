package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.IdempotencyUnavailableException;
import dev.switchboard.domain.model.RecordedResponse;
import dev.switchboard.domain.port.out.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The idempotency store in memory, with expiry by the given clock, and a switch that makes it unreachable. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Held(String fingerprint, String token, RecordedResponse response, Instant expires) {
    }

    private final Map<IdempotencyKey, Held> held = new HashMap<>();
    private final Clock clock;
    private volatile boolean down;

    public InMemoryIdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    @Override
    public synchronized Optional<Entry> claim(IdempotencyKey key, String fingerprint, String token, Duration lease) {
        reachable();
        Held current = live(key);
        if (current != null) {
            return Optional.of(new Entry(current.fingerprint(), Optional.ofNullable(current.response())));
        }
        held.put(key, new Held(fingerprint, token, null, clock.instant().plus(lease)));
        return Optional.empty();
    }

    @Override
    public synchronized boolean complete(IdempotencyKey key, String token, RecordedResponse response, Duration retention) {
        reachable();
        Held current = live(key);
        if (current == null || !current.token().equals(token) || current.response() != null) {
            return false;
        }
        held.put(key, new Held(current.fingerprint(), token, response, clock.instant().plus(retention)));
        return true;
    }

    @Override
    public synchronized void release(IdempotencyKey key, String token) {
        reachable();
        Held current = live(key);
        if (current != null && current.token().equals(token) && current.response() == null) {
            held.remove(key);
        }
    }

    private Held live(IdempotencyKey key) {
        Held current = held.get(key);
        if (current != null && !clock.instant().isBefore(current.expires())) {
            held.remove(key);
            return null;
        }
        return current;
    }

    private void reachable() {
        if (down) {
            throw new IdempotencyUnavailableException("in-memory store switched off", null);
        }
    }
}
