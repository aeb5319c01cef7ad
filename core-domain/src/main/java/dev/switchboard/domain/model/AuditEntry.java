package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change someone asked Switchboard to make, and how it ended.
 *
 * @param actor     {@code team} for a team's API key, {@code admin} for the operator's token
 * @param team      the team whose key made the request; for the admin, the team acted on, if any
 * @param key       the key used; null for the admin
 * @param action    what was asked, as method and route, e.g. {@code POST /api/v1/agents/{id}/clone}
 * @param target    the id of the resource acted on or created, if any
 * @param status    the HTTP status the request got
 * @param outcome   {@code ok}, or the problem code the request got
 */
public record AuditEntry(UUID id, Instant at, String actor, TeamId team, ApiKeyId key, String action, String target,
                         String requestId, int status, String outcome) {

    public static final String ACTOR_TEAM = "team";
    public static final String ACTOR_ADMIN = "admin";

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
