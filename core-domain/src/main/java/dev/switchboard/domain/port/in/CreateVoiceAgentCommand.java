package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.VoiceAgent;
import java.util.Objects;

/** @param externalId the client's own reference, unique among agents; may be null */
public record CreateVoiceAgentCommand(AgentSettings settings, String externalId) {

    public CreateVoiceAgentCommand {
        Objects.requireNonNull(settings, "settings");
        VoiceAgent.checkExternalId(externalId);
    }
}
