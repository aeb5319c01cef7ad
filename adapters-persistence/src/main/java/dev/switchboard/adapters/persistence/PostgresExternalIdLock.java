package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.ExternalIdLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * A Postgres transaction-scoped advisory lock per team and external id: every replica shares it, it
 * needs no table, and it is released when the transaction ends, even if the replica dies. The work runs
 * inside that transaction; its own writes commit in their own transactions, so they are visible to the
 * next holder as soon as it gets the lock.
 */
@ApplicationScoped
class PostgresExternalIdLock implements ExternalIdLock {

    /** Longer than any creation can take (Hamsa's read timeout, with room); the lock goes with the transaction. */
    private static final int TIMEOUT_SECONDS = 120;

    private final EntityManager em;

    PostgresExternalIdLock(EntityManager em) {
        this.em = em;
    }

    @Override
    public <T> T holding(TeamId team, String externalId, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, lockKey(team, externalId))
                    .getSingleResult();
            return work.get();
        });
    }

    /** 64 bits of SHA-256: a collision only makes two unrelated creations wait for each other. */
    static long lockKey(TeamId team, String externalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("voice-agent\u0000" + team + "\u0000" + externalId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
