package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.VoiceAgentId;
import java.util.Objects;

public record UpdateVoiceAgentCommand(VoiceAgentId id, AgentChanges changes) {

    public UpdateVoiceAgentCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changes, "changes");
    }
}
