package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import java.util.Optional;

public interface TeamRepository {

    void insert(Team team);

    /** @throws dev.switchboard.domain.model.TeamNotFoundException if there is no such team */
    void update(Team team);

    Optional<Team> findById(TeamId id);

    /** Teams oldest first, one page at a time. */
    Page<Team> list(PageRequest request);
}
