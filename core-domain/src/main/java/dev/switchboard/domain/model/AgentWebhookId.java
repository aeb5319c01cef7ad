package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The address of one agent-level webhook: the last segment of {@code /webhooks/hamsa/agents/<id>}. Made before the
 * agent exists on Hamsa, so the agent is created with its webhook in one request.
 */
public record AgentWebhookId(UUID value) {

    public AgentWebhookId {
        Objects.requireNonNull(value, "value");
    }

    public static AgentWebhookId newId() {
        return new AgentWebhookId(UUID.randomUUID());
    }

    /** The id a path names, or empty for one that can be no webhook's. */
    public static java.util.Optional<AgentWebhookId> parse(String text) {
        try {
            return java.util.Optional.of(new AgentWebhookId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
