package dev.switchboard.domain.fake;

import dev.switchboard.domain.port.out.ApiKeyRepository;
import dev.switchboard.domain.port.out.TeamRepositoriesContract;
import dev.switchboard.domain.port.out.TeamRepository;

class InMemoryTeamRepositoriesTest extends TeamRepositoriesContract {

    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(teams);

    @Override
    protected TeamRepository teams() {
        return teams;
    }

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }
}
