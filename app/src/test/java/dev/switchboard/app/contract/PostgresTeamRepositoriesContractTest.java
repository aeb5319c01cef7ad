package dev.switchboard.app.contract;

import dev.switchboard.domain.port.out.ApiKeyRepository;
import dev.switchboard.domain.port.out.TeamRepositoriesContract;
import dev.switchboard.domain.port.out.TeamRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The team and key repository contract against the real adapters on the real Postgres. */
@QuarkusTest
class PostgresTeamRepositoriesContractTest extends TeamRepositoriesContract {

    @Inject
    TeamRepository teams;

    @Inject
    ApiKeyRepository keys;

    @Override
    protected TeamRepository teams() {
        return teams;
    }

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }
}
