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

    /** An agent with no webhook of its own. */
    default PlatformAgent createAgent(AgentSettings settings) {
        return createAgent(settings, null);
    }

    /**
     * @param webhook where the platform sends the events of the agent's calls that name no webhook of their own,
     *                and the secret it presents there; null for none
     */
    PlatformAgent createAgent(AgentSettings settings, dev.switchboard.domain.model.PlatformWebhook webhook);

    PlatformAgent getAgent(HamsaAgentId id);

    /** Every agent of the account, all pages walked. */
    List<PlatformAgent> listAgents();

    /** Applies the non-empty fields of the changes; returns the agent as it now is. */
    PlatformAgent updateAgent(HamsaAgentId id, AgentChanges changes);

    /** @param newName the copy's name, or null to let the platform name it */
    PlatformAgent cloneAgent(HamsaAgentId source, String newName);
}
