package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TeamNotFoundException;
import dev.switchboard.domain.port.out.TeamRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class PostgresTeamRepository implements TeamRepository {

    private final TeamRows rows;

    PostgresTeamRepository(TeamRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Team team) {
        QuarkusTransaction.requiringNew().run(() -> rows.persist(toEntity(team)));
    }

    @Override
    public void update(Team team) {
        int updated = QuarkusTransaction.requiringNew().call(() -> rows.update(
                "name = ?1, requestsPerMinute = ?2 where id = ?3", team.name(), team.requestsPerMinute(), team.id().value()));
        if (updated == 0) {
            throw new TeamNotFoundException(team.id());
        }
    }

    @Override
    public Optional<Team> findById(TeamId id) {
        return QuarkusTransaction.joiningExisting().call(() -> rows.findByIdOptional(id.value()).map(PostgresTeamRepository::toDomain));
    }

    @Override
    public Page<Team> list(PageRequest request) {
        Optional<KeysetCursor> after = request.cursor().map(KeysetCursor::decode);
        List<TeamEntity> found = QuarkusTransaction.joiningExisting().call(() -> after
                .map(c -> rows.find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id", c.createdAt(), c.id()))
                .orElseGet(() -> rows.find("order by createdAt, id"))
                .range(0, request.limit())
                .list());
        return KeysetCursor.page(found, request.limit(), e -> new KeysetCursor(e.createdAt, e.id))
                .map(PostgresTeamRepository::toDomain);
    }

    private static TeamEntity toEntity(Team team) {
        TeamEntity e = new TeamEntity();
        e.id = team.id().value();
        e.name = team.name();
        e.requestsPerMinute = team.requestsPerMinute();
        e.createdAt = team.createdAt();
        return e;
    }

    static Team toDomain(TeamEntity e) {
        return new Team(new TeamId(e.id), e.name, e.requestsPerMinute, e.createdAt);
    }
}
