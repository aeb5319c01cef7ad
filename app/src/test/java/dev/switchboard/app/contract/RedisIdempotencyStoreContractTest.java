package dev.switchboard.app.contract;

import dev.switchboard.domain.port.out.IdempotencyStore;
import dev.switchboard.domain.port.out.IdempotencyStoreContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;

/** The idempotency store contract against the real adapter on the real Redis; expiry is Redis' own, so time really passes. */
@QuarkusTest
class RedisIdempotencyStoreContractTest extends IdempotencyStoreContract {

    @Inject
    IdempotencyStore store;

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Override
    protected void let(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
