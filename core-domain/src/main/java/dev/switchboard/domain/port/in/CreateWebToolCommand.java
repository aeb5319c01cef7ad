package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.WebToolKind;
import java.util.Map;
import java.util.Objects;

/**
 * A new web tool as the team sent it. The server URL is the client's text: the use case passes it through
 * the outbound URL guard, and the parameters through the schema check, before anything is stored.
 *
 * @param timeoutSeconds null for the default
 * @param authToken      null for none
 */
public record CreateWebToolCommand(TeamId team, WebToolKind kind, String name, String description, String serverUrl,
                                   ToolHttpMethod method, Integer timeoutSeconds, Map<String, String> headers,
                                   Map<String, String> pathParameters, Map<String, Object> params, String authToken) {

    public CreateWebToolCommand {
        Objects.requireNonNull(team, "team");
    }

    @Override
    public String toString() {
        return "CreateWebToolCommand[team=" + team + ", name=" + name + ", hasAuthToken=" + (authToken != null) + "]";
    }
}
