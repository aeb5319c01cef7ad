package dev.switchboard.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "api_key_id")
    public UUID apiKeyId;

    @Column(nullable = false)
    public String action;

    public String target;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(nullable = false)
    public int status;

    @Column(nullable = false)
    public String outcome;
}
