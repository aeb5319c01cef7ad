package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebToolId;
import java.util.Map;

/** Has the platform call a tool's server once, as an agent would, and says what came back. */
public interface TestWebToolUseCase {

    ToolTestResult test(TeamId team, WebToolId id, Map<String, Object> arguments);
}
