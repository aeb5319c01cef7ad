package dev.switchboard.adapters.persistence.redis;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.ExternalIdLock;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A lease in Redis per team and external id, shared by every replica. Unlike a database lock it holds
 * no connection while the holder waits on Hamsa, so a burst of creations cannot starve the pool that
 * every request needs. A waiter polls until the lease is free; a holder that died frees it when the
 * lease runs out. If Redis cannot be reached the work runs unlocked (and says so): the mirror's unique
 * key still refuses a second agent, and only two creations racing during the outage could leave one
 * agent on Hamsa without a mirror, logged as such.
 */
@ApplicationScoped
class RedisExternalIdLock implements ExternalIdLock {

    /** Longer than a creation can take: Hamsa's read timeout plus the mirror write, with room. */
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 25;
    private static final Logger LOG = Logger.getLogger(RedisExternalIdLock.class);
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final RedisDataSource redis;

    RedisExternalIdLock(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public <T> T holding(TeamId team, String externalId, Supplier<T> work) {
        String key = RedisKeys.teamScoped("external-id:voice-agent", team, externalId);
        String token = UUID.randomUUID().toString();
        if (!acquire(key, token)) {
            return work.get();
        }
        try {
            return work.get();
        } finally {
            release(key, token);
        }
    }

    /** True once the lease is ours; false if Redis cannot be reached (the caller then runs unlocked). */
    private boolean acquire(String key, String token) {
        long deadline = System.nanoTime() + LEASE.plusSeconds(1).toNanos();
        while (true) {
            try {
                Response set = redis.execute("SET", key, token, "NX", "PX", Long.toString(LEASE.toMillis()));
                if (set != null) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Redis unreachable for the externalId lock; creating without it: %s", e.toString());
                return false;
            }
            if (System.nanoTime() > deadline) {
                // Cannot happen while Redis expires keys; stated rather than looping for ever.
                throw new IllegalStateException("externalId lease not freed within its own lifetime");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an externalId lease", e);
            }
        }
    }

    private void release(String key, String token) {
        try {
            redis.execute("EVAL", RELEASE, "1", key, token);
        } catch (RuntimeException e) {
            LOG.warnf("Could not release an externalId lease (it frees itself in %s): %s", LEASE, e.toString());
        }
    }
}
