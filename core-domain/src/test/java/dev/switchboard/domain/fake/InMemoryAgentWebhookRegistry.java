package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.AgentWebhook;
import dev.switchboard.domain.model.AgentWebhookId;
import dev.switchboard.domain.port.out.AgentWebhookRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The agent-level webhooks, in memory. */
public final class InMemoryAgentWebhookRegistry implements AgentWebhookRegistry {

    private final Map<AgentWebhookId, AgentWebhook> webhooks = new ConcurrentHashMap<>();

    @Override
    public void register(AgentWebhook webhook) {
        if (webhooks.putIfAbsent(webhook.id(), webhook) != null) {
            throw new IllegalStateException("webhook already stored: " + webhook.id());
        }
    }

    @Override
    public Optional<AgentWebhook> find(AgentWebhookId id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    public List<AgentWebhook> all() {
        return List.copyOf(webhooks.values());
    }
}
