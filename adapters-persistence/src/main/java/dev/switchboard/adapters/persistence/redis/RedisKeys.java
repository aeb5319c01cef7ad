package dev.switchboard.adapters.persistence.redis;

import dev.switchboard.domain.model.TeamId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Redis keys of Switchboard's own. */
final class RedisKeys {

    private RedisKeys() {
    }

    /**
     * {@code switchboard:<kind>:<team>:<sha-256 of value>}. A client's value is hashed: its length and
     * characters then cannot matter to Redis or leak into its key space.
     */
    static String teamScoped(String kind, TeamId team, String clientValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientValue.getBytes(StandardCharsets.UTF_8));
            return "switchboard:" + kind + ":" + team + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
