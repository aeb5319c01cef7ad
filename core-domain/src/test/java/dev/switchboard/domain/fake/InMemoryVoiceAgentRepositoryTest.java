package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import dev.switchboard.domain.port.out.VoiceAgentRepositoryContract;

class InMemoryVoiceAgentRepositoryTest extends VoiceAgentRepositoryContract {

    private final InMemoryVoiceAgentRepository repository = new InMemoryVoiceAgentRepository();

    @Override
    protected VoiceAgentRepository repository() {
        return repository;
    }

    @Override
    protected void clear() {
        repository.clear();
    }

    @Override
    protected TeamId team(TeamId id) {
        return id;
    }
}
