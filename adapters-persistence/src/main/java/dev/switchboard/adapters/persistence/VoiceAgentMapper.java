package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.AgentAttachments;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.WebToolId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;

final class VoiceAgentMapper {

    private VoiceAgentMapper() {
    }

    static VoiceAgentEntity toEntity(VoiceAgent agent) {
        VoiceAgentEntity e = new VoiceAgentEntity();
        e.id = agent.id().value();
        e.teamId = agent.team().value();
        e.hamsaAgentId = agent.hamsaAgentId().value();
        e.name = agent.settings().name();
        e.greeting = agent.settings().greeting();
        e.preamble = agent.settings().preamble();
        e.language = agent.settings().language();
        e.voiceId = agent.settings().voiceId();
        e.externalId = agent.externalId();
        e.createdAt = agent.createdAt();
        e.updatedAt = agent.updatedAt();
        e.version = agent.version();
        e.knowledgeItemIds = agent.attachments().knowledgeItems().stream().map(KnowledgeItemId::value).toArray(UUID[]::new);
        e.hamsaKnowledgeItemIds = agent.settings().knowledgeBaseItemIds().toArray(String[]::new);
        e.webToolIds = agent.attachments().tools().stream().map(WebToolId::value).toArray(UUID[]::new);
        e.hamsaToolIds = agent.settings().toolIds().toArray(String[]::new);
        return e;
    }

    static VoiceAgent toDomain(VoiceAgentEntity e) {
        return new VoiceAgent(new VoiceAgentId(e.id), new TeamId(e.teamId), new HamsaAgentId(e.hamsaAgentId),
                new AgentSettings(e.name, e.greeting, e.preamble, e.language, e.voiceId,
                        List.of(e.hamsaKnowledgeItemIds), List.of(e.hamsaToolIds)),
                e.externalId, e.createdAt, e.updatedAt, e.version,
                new AgentAttachments(Arrays.stream(e.knowledgeItemIds).map(KnowledgeItemId::new).toList(),
                        Arrays.stream(e.webToolIds).map(WebToolId::new).toList()));
    }
}
