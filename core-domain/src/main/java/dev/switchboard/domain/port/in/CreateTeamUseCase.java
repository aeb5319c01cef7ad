package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Team;

/** An operator adds a team that may use Switchboard. */
public interface CreateTeamUseCase {

    Team createTeam(CreateTeamCommand command);
}
