package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;

/** An operator gives a team its own request limit, or (null) puts it back on the service default. */
public interface SetTeamRequestLimitUseCase {

    Team setRequestLimit(TeamId team, Integer requestsPerMinute);
}
