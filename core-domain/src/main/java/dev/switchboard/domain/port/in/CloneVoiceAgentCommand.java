package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import java.util.Objects;

/**
 * @param name       the copy's name; null lets the platform choose one
 * @param externalId the copy's external id; null for none
 */
public record CloneVoiceAgentCommand(TeamId team, VoiceAgentId sourceId, String name, String externalId) {

    public CloneVoiceAgentCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(sourceId, "sourceId");
        if (name != null && (name.isBlank() || name.length() > AgentSettings.NAME_MAX)) {
            throw InvalidInputException.of("name", "must be 1 to " + AgentSettings.NAME_MAX + " characters when given");
        }
        VoiceAgent.checkExternalId(externalId);
    }
}
