package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;

/** Reads one of the team's tools from Switchboard's record; never calls the platform. */
public interface GetWebToolQuery {

    WebTool get(TeamId team, WebToolId id);
}
