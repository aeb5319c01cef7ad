package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Team;

public interface ListTeamsQuery {

    Page<Team> listTeams(PageRequest request);
}
