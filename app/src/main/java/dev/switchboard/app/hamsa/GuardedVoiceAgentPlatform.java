package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import java.util.List;

/** The agents port with {@link HamsaCalls}' policies around each operation. */
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
    public PlatformAgent createAgent(AgentSettings settings) {
        return calls.call(PlatformArea.AGENTS, "create-agent", priority, false, () -> platform.createAgent(settings));
    }

    @Override
    public PlatformAgent getAgent(HamsaAgentId id) {
        return calls.call(PlatformArea.AGENTS, "get-agent", priority, true, () -> platform.getAgent(id));
    }

    /** One guarded call for the whole walk: a page that fails is retried by walking again, which is harmless. */
    @Override
    public List<PlatformAgent> listAgents() {
        return calls.call(PlatformArea.AGENTS, "list-agents", priority, true, platform::listAgents);
    }

    @Override
    public PlatformAgent updateAgent(HamsaAgentId id, AgentChanges changes) {
        return calls.call(PlatformArea.AGENTS, "update-agent", priority, true, () -> platform.updateAgent(id, changes));
    }

    @Override
    public PlatformAgent cloneAgent(HamsaAgentId source, String newName) {
        return calls.call(PlatformArea.AGENTS, "clone-agent", priority, false, () -> platform.cloneAgent(source, newName));
    }
}
