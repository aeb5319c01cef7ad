package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TeamNotFoundException;
import dev.switchboard.domain.port.out.TeamRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryTeamRepository implements TeamRepository {

    private final Map<TeamId, Team> teams = new ConcurrentHashMap<>();

    @Override
    public void insert(Team team) {
        if (teams.putIfAbsent(team.id(), team) != null) {
            throw new IllegalStateException("team already stored: " + team.id());
        }
    }

    @Override
    public void update(Team team) {
        if (teams.replace(team.id(), team) == null) {
            throw new TeamNotFoundException(team.id());
        }
    }

    @Override
    public Optional<Team> findById(TeamId id) {
        return Optional.ofNullable(teams.get(id));
    }

    /** Offsets as cursors: enough for a fake, which never holds more than a test's few teams. */
    @Override
    public Page<Team> list(PageRequest request) {
        List<Team> sorted = teams.values().stream()
                .sorted(Comparator.comparing(Team::createdAt).thenComparing(t -> t.id().toString())).toList();
        int from = request.cursor().map(Integer::parseInt).orElse(0);
        List<Team> items = sorted.stream().skip(from).limit(request.limit()).toList();
        int next = from + items.size();
        return new Page<>(items, next < sorted.size() ? Optional.of(Integer.toString(next)) : Optional.empty());
    }
}
