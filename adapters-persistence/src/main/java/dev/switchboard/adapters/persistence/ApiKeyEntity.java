package dev.switchboard.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code api_key}: the secret only as its SHA-256, never the secret. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String prefix;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    /** Wire names separated by spaces, e.g. {@code agents:read calls:write}. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
