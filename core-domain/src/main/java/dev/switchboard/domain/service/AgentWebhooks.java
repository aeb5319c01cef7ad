package dev.switchboard.domain.service;

import dev.switchboard.domain.model.AgentWebhook;
import dev.switchboard.domain.model.AgentWebhookId;
import dev.switchboard.domain.model.CallPolicy;
import dev.switchboard.domain.model.PlatformWebhook;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.port.out.AgentWebhookRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Makes the webhook a new agent is created with on Hamsa: its own address and secret, stored (as a digest) before
 * Hamsa hears of it, so the first event Hamsa sends there can already be checked. A webhook whose agent then
 * fails to be created is kept and used by nothing.
 */
public final class AgentWebhooks {

    private final AgentWebhookRegistry registry;
    private final CallPolicy policy;
    private final SecureRandom random;
    private final Clock clock;

    public AgentWebhooks(AgentWebhookRegistry registry, CallPolicy policy, SecureRandom random, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new webhook for an agent of this team, stored; what Hamsa is to be given. */
    public PlatformWebhook register(TeamId team) {
        WebhookSecret secret = WebhookSecret.generate(random);
        AgentWebhookId id = AgentWebhookId.newId();
        registry.register(new AgentWebhook(id, team, secret.digest(), clock.instant()));
        return new PlatformWebhook(policy.agentWebhookUrl(id), secret);
    }
}
