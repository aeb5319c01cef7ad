package dev.switchboard.adapters.web;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.AttachmentChanges;
import java.util.List;
import java.util.Optional;
import dev.switchboard.domain.model.VoiceAgent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/agents}. Limits come from the domain so the two cannot drift apart. */
@Schema(name = "CreateAgentRequest")
public record CreateAgentRequest(
        @NotBlank @Size(max = AgentSettings.NAME_MAX) String name,
        @NotBlank @Size(max = AgentSettings.GREETING_MAX) String greeting,
        @NotBlank @Size(max = AgentSettings.PREAMBLE_MAX) String preamble,
        @NotBlank @Size(max = AgentSettings.LANGUAGE_MAX)
        @Pattern(regexp = AgentSettings.LANGUAGE_PATTERN, message = "must be a language tag such as 'en' or 'en-US'")
        String language,
        @NotBlank @Size(max = AgentSettings.VOICE_ID_MAX) String voiceId,
        @Size(min = 1, max = VoiceAgent.EXTERNAL_ID_MAX) @Pattern(regexp = ".*\\S.*", message = "must not be blank when given")
        @Schema(description = "Your own reference for the agent; unique among your team's agents")
        String externalId,
        @Schema(description = "Your team's knowledge items the agent may use (their ids), at most 50")
        List<String> knowledgeItemIds,
        @Schema(description = "Your team's web tools the agent may call (their ids), at most 50")
        List<String> toolIds) {

    AgentSettings settings() {
        return new AgentSettings(name, greeting, preamble, language, voiceId);
    }

    AttachmentChanges attachments() {
        return new AttachmentChanges(Optional.ofNullable(knowledgeItemIds), Optional.ofNullable(toolIds));
    }
}
