package dev.switchboard.domain.fake;

import dev.switchboard.domain.port.out.IdempotencyStore;
import dev.switchboard.domain.port.out.IdempotencyStoreContract;
import java.time.Duration;
import java.time.Instant;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock);

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Override
    protected void let(Duration d) {
        clock.advance(d);
    }
}
