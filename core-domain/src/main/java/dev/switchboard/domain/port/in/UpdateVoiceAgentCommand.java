package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AttachmentChanges;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgentId;
import java.util.Objects;

/** @param attachments the knowledge items and tools to use from now on, by Switchboard's ids; empty fields keep theirs */
public record UpdateVoiceAgentCommand(TeamId team, VoiceAgentId id, AgentChanges changes, AttachmentChanges attachments) {

    public UpdateVoiceAgentCommand(TeamId team, VoiceAgentId id, AgentChanges changes) {
        this(team, id, changes, AttachmentChanges.none());
    }

    public UpdateVoiceAgentCommand {
        attachments = attachments == null ? AttachmentChanges.none() : attachments;
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changes, "changes");
    }
}
