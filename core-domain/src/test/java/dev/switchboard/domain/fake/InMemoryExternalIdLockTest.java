package dev.switchboard.domain.fake;

import dev.switchboard.domain.port.out.ExternalIdLock;
import dev.switchboard.domain.port.out.ExternalIdLockContract;

class InMemoryExternalIdLockTest extends ExternalIdLockContract {

    private final InMemoryExternalIdLock lock = new InMemoryExternalIdLock();

    @Override
    protected ExternalIdLock lock() {
        return lock;
    }
}
