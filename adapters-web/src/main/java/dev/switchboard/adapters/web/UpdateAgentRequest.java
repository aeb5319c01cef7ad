package dev.switchboard.adapters.web;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.AttachmentChanges;
import java.util.List;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/agents/{id}}: a field left out (or null) stays as it is. */
@Schema(name = "UpdateAgentRequest")
public record UpdateAgentRequest(
        @Size(min = 1, max = AgentSettings.NAME_MAX) String name,
        @Size(min = 1, max = AgentSettings.GREETING_MAX) String greeting,
        @Size(min = 1, max = AgentSettings.PREAMBLE_MAX) String preamble,
        @Size(max = AgentSettings.LANGUAGE_MAX)
        @Pattern(regexp = AgentSettings.LANGUAGE_PATTERN, message = "must be a language tag such as 'en' or 'en-US'")
        String language,
        @Size(min = 1, max = AgentSettings.VOICE_ID_MAX) String voiceId,
        @Schema(description = "The knowledge items the agent uses from now on; [] detaches all; left out keeps them")
        List<String> knowledgeItemIds,
        @Schema(description = "The web tools the agent calls from now on; [] detaches all; left out keeps them")
        List<String> toolIds) {

    AttachmentChanges attachments() {
        return new AttachmentChanges(Optional.ofNullable(knowledgeItemIds), Optional.ofNullable(toolIds));
    }

    AgentChanges changes() {
        return new AgentChanges(Optional.ofNullable(name), Optional.ofNullable(greeting), Optional.ofNullable(preamble),
                Optional.ofNullable(language), Optional.ofNullable(voiceId));
    }
}
