package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import java.util.List;

/**
 * The voice platform's agents (Hamsa). Every method either returns what the platform confirmed or
 * throws {@link dev.switchboard.domain.model.PlatformException} saying which kind of failure it was.
 */
public interface VoiceAgentPlatform {

    PlatformAgent createAgent(AgentSettings settings);

    PlatformAgent getAgent(HamsaAgentId id);

    /** Every agent of the account, all pages walked. */
    List<PlatformAgent> listAgents();

    /** Applies the non-empty fields of the changes; returns the agent as it now is. */
    PlatformAgent updateAgent(HamsaAgentId id, AgentChanges changes);

    /** @param newName the copy's name, or null to let the platform name it */
    PlatformAgent cloneAgent(HamsaAgentId source, String newName);
}
