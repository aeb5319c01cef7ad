package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;

/** Lists the team's tools, oldest first, one page at a time; never calls the platform. */
public interface ListWebToolsQuery {

    Page<WebTool> list(TeamId team, PageRequest request);
}
