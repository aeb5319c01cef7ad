package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgentId;
import java.util.Objects;

public record UpdateVoiceAgentCommand(TeamId team, VoiceAgentId id, AgentChanges changes) {

    public UpdateVoiceAgentCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changes, "changes");
    }
}
