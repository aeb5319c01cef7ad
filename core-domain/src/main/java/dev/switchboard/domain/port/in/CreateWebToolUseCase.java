package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.WebTool;

/** Checks a tool (URL guard, schema, name unique in the team), creates it on the platform and records it. */
public interface CreateWebToolUseCase {

    WebTool create(CreateWebToolCommand command);
}
