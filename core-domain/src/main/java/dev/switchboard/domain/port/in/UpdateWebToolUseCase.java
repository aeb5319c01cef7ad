package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.WebTool;

/** Changes some of a tool's definition or its token, checked as a new tool is. */
public interface UpdateWebToolUseCase {

    WebTool update(UpdateWebToolCommand command);
}
