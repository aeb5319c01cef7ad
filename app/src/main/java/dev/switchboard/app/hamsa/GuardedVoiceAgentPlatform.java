package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import java.util.List;

/**
 * The agents port for callers of one priority: each operation runs with that priority and, for a team, one
 * deadline, which every Hamsa request it makes (through {@link HamsaCalls#send}) queues and retries under.
 */
final class GuardedVoiceAgentPlatform implements VoiceAgentPlatform {

    private final VoiceAgentPlatform platform;
    private final HamsaCalls calls;
    private final Priority priority;

    GuardedVoiceAgentPlatform(VoiceAgentPlatform platform, HamsaCalls calls, Priority priority) {
        this.platform = platform;
        this.calls = calls;
        this.priority = priority;
    }

    @Override
    public PlatformAgent createAgent(AgentSettings settings, dev.switchboard.domain.model.PlatformWebhook webhook) {
        return calls.forCaller(priority, () -> platform.createAgent(settings, webhook));
    }

    @Override
    public PlatformAgent getAgent(HamsaAgentId id) {
        return calls.forCaller(priority, () -> platform.getAgent(id));
    }

    @Override
    public List<PlatformAgent> listAgents() {
        return calls.forCaller(priority, platform::listAgents);
    }

    @Override
    public PlatformAgent updateAgent(HamsaAgentId id, AgentChanges changes) {
        return calls.forCaller(priority, () -> platform.updateAgent(id, changes));
    }

    @Override
    public PlatformAgent cloneAgent(HamsaAgentId source, String newName) {
        return calls.forCaller(priority, () -> platform.cloneAgent(source, newName));
    }
}
