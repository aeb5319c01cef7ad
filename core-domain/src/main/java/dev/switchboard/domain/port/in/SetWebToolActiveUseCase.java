package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;

/** Lets agents call a tool, or stops them, without deleting it. */
public interface SetWebToolActiveUseCase {

    WebTool setActive(TeamId team, WebToolId id, boolean active);
}
