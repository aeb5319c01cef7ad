package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;

public interface GetTeamQuery {

    Team getTeam(TeamId id);
}
