package dev.switchboard.app.contract;

import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.TeamRepository;
import dev.switchboard.domain.port.out.WebToolRepository;
import dev.switchboard.domain.port.out.WebToolRepositoryContract;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** The web-tool repository contract against the real adapter on the real Postgres. */
@QuarkusTest
class PostgresWebToolRepositoryContractTest extends WebToolRepositoryContract {

    @Inject
    WebToolRepository repository;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TeamRepository teams;

    @Override
    protected TeamId team(TeamId id) {
        teams.insert(new Team(id, "Contract team", null, Instant.now()));
        return id;
    }

    @Override
    protected WebToolRepository repository() {
        return repository;
    }

    @Override
    protected void clear() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM web_tool");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
