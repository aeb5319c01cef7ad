package dev.switchboard.app.contract;

import dev.switchboard.domain.port.out.ExternalIdLock;
import dev.switchboard.domain.port.out.ExternalIdLockContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The externalId lock contract against the real adapter on the real Redis. */
@QuarkusTest
class RedisExternalIdLockContractTest extends ExternalIdLockContract {

    @Inject
    ExternalIdLock lock;

    @Override
    protected ExternalIdLock lock() {
        return lock;
    }
}
