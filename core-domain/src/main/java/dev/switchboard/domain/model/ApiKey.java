package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A team's API key as stored: its secret only as a hash, so a leaked table grants nothing.
 *
 * @param prefix    the first characters of the key, shown so people can tell their keys apart
 * @param revokedAt when the key stops working (now for a revocation, later for a rotated key's overlap); null while it works
 */
public record ApiKey(ApiKeyId id, TeamId teamId, String name, String prefix, String secretHash, Set<Scope> scopes,
                     Instant createdAt, Instant revokedAt) {

    public static final int NAME_MAX = 100;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        checkName(name);
        if (scopes == null || scopes.isEmpty()) {
            throw InvalidInputException.of("scopes", "must name at least one scope");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    public static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > NAME_MAX) {
            throw InvalidInputException.of("name", "must be 1 to " + NAME_MAX + " characters");
        }
    }

    public boolean worksAt(Instant now) {
        return revokedAt == null || now.isBefore(revokedAt);
    }

    /** This key, stopping at {@code when}, or earlier if it was already set to stop earlier. */
    public ApiKey revokedAt(Instant when) {
        Instant stop = revokedAt != null && revokedAt.isBefore(when) ? revokedAt : when;
        return new ApiKey(id, teamId, name, prefix, secretHash, scopes, createdAt, stop);
    }

    /** Without the hash: it is not the secret, but nothing gains by printing it. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", teamId=" + teamId + ", name=" + name + ", prefix=" + prefix + ", scopes=" + scopes
                + ", createdAt=" + createdAt + ", revokedAt=" + revokedAt + "]";
    }
}
