package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import java.util.Objects;

/** @param externalId the client's own reference, unique among the team's agents; may be null */
public record CreateVoiceAgentCommand(TeamId team, AgentSettings settings, String externalId) {

    public CreateVoiceAgentCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(settings, "settings");
        VoiceAgent.checkExternalId(externalId);
    }
}
