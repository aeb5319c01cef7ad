package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.ExternalIdLock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One JVM's locks; the real one (leases in Redis) holds across replicas. */
public final class InMemoryExternalIdLock implements ExternalIdLock {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public <T> T holding(TeamId team, String externalId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(team + "\u0000" + externalId, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
