package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent-level webhook: where Hamsa sends the events of an agent's calls that name no webhook of their own
 * (web conversations, and calls started from Hamsa's dashboard or campaigns). Only the secret's digest is kept:
 * Switchboard never has to give the secret to Hamsa again, and a delivery is checked digest to digest.
 *
 * @param team the team whose agents use it; an event it carries is about one of that team's agents or is refused
 */
public record AgentWebhook(AgentWebhookId id, TeamId team, String secretDigest, Instant createdAt) {

    public AgentWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(secretDigest, "secretDigest");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
