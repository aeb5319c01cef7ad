package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Team;

/** @param requestsPerMinute the team's own request limit; null for the service default */
public record CreateTeamCommand(String name, Integer requestsPerMinute) {

    public CreateTeamCommand {
        Team.checkName(name);
        Team.checkRequestsPerMinute(requestsPerMinute);
    }
}
