package dev.switchboard.adapters.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.switchboard.domain.model.VoiceAgent;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agent")
// Also sent inside built Responses (create, update, clone), where Quarkus cannot see its type: registered for native.
@RegisterForReflection
public record AgentResponse(
        String id,
        @Schema(description = "The agent's id on Hamsa") String hamsaAgentId,
        String name,
        String greeting,
        String preamble,
        String language,
        String voiceId,
        String externalId,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows by one on every change") long version,
        @Schema(description = "The knowledge items the agent uses") List<String> knowledgeItemIds,
        @Schema(description = "The web tools the agent calls") List<String> toolIds,
        @Schema(description = "True while Switchboard cannot reach Hamsa's agents: this is the last state Switchboard "
                + "saw, and may be out of date") boolean stale) {

    /** An agent Hamsa has just confirmed. */
    static AgentResponse of(VoiceAgent a) {
        return of(a, false);
    }

    static AgentResponse of(VoiceAgent a, boolean stale) {
        return new AgentResponse(a.id().toString(), a.hamsaAgentId().value(), a.settings().name(),
                a.settings().greeting(), a.settings().preamble(), a.settings().language(), a.settings().voiceId(),
                a.externalId(), a.createdAt(), a.updatedAt(), a.version(),
                a.attachments().knowledgeItems().stream().map(Object::toString).toList(),
                a.attachments().tools().stream().map(Object::toString).toList(), stale);
    }
}
