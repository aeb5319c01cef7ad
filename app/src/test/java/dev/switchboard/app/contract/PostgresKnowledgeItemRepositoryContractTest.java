package dev.switchboard.app.contract;

import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import dev.switchboard.domain.port.out.KnowledgeItemRepositoryContract;
import dev.switchboard.domain.port.out.TeamRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The knowledge repository contract against the real adapter on the real Postgres. The background refresh is
 * paused meanwhile: it would ask the simulator about the contract's made-up Hamsa ids and change the rows.
 */
@QuarkusTest
class PostgresKnowledgeItemRepositoryContractTest extends KnowledgeItemRepositoryContract {

    static final String REFRESH = "knowledge-refresh";

    @Inject
    KnowledgeItemRepository repository;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TeamRepository teams;

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void pauseRefresh() {
        scheduler.pause(REFRESH);
    }

    @AfterEach
    void resumeRefresh() {
        scheduler.resume(REFRESH);
    }

    @Override
    protected TeamId team(TeamId id) {
        teams.insert(new Team(id, "Contract team", null, Instant.now()));
        return id;
    }

    @Override
    protected KnowledgeItemRepository repository() {
        return repository;
    }

    @Override
    protected void clear() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM knowledge_item");
            s.executeUpdate("DELETE FROM knowledge_budget");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
