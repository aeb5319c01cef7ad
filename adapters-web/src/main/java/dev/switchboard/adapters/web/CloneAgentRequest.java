package dev.switchboard.adapters.web;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.VoiceAgent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST /api/v1/agents/{id}/clone}. */
@Schema(name = "CloneAgentRequest")
public record CloneAgentRequest(
        @Size(min = 1, max = AgentSettings.NAME_MAX) @Pattern(regexp = ".*\\S.*", message = "must not be blank when given")
        @Schema(description = "The copy's name; Hamsa names it when left out")
        String name,
        @Size(min = 1, max = VoiceAgent.EXTERNAL_ID_MAX) @Pattern(regexp = ".*\\S.*", message = "must not be blank when given")
        String externalId) {
}
