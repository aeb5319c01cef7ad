package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.AgentWebhook;
import dev.switchboard.domain.model.AgentWebhookId;
import java.util.Optional;

/** The agent-level webhooks Switchboard has given Hamsa. */
public interface AgentWebhookRegistry {

    /**
     * Stores a new webhook, committed before this returns (before Hamsa is told of it).
     *
     * @throws dev.switchboard.domain.model.StorageUnavailableException if the database cannot be reached
     */
    void register(AgentWebhook webhook);

    /** The webhook, if Switchboard made one with this id. */
    Optional<AgentWebhook> find(AgentWebhookId id);
}
