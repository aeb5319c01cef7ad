package dev.switchboard.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "team")
public class TeamEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "requests_per_minute")
    public Integer requestsPerMinute;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
