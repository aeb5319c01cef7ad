package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.AgentSettings;
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
        return e;
    }

    static VoiceAgent toDomain(VoiceAgentEntity e) {
        return new VoiceAgent(new VoiceAgentId(e.id), new TeamId(e.teamId), new HamsaAgentId(e.hamsaAgentId),
                new AgentSettings(e.name, e.greeting, e.preamble, e.language, e.voiceId),
                e.externalId, e.createdAt, e.updatedAt, e.version);
    }
}
