package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.AttachmentChanges;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import java.util.Objects;

/**
 * @param settings    the agent's own settings (without knowledge items or tools: those are {@code attachments})
 * @param externalId  the client's own reference, unique among the team's agents; may be null
 * @param attachments the team's knowledge items and tools the agent uses, by Switchboard's ids
 */
public record CreateVoiceAgentCommand(TeamId team, AgentSettings settings, String externalId,
                                      AttachmentChanges attachments) {

    public CreateVoiceAgentCommand(TeamId team, AgentSettings settings, String externalId) {
        this(team, settings, externalId, AttachmentChanges.none());
    }

    public CreateVoiceAgentCommand {
        attachments = attachments == null ? AttachmentChanges.none() : attachments;
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(settings, "settings");
        VoiceAgent.checkExternalId(externalId);
    }
}
