package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.PlatformWebTool;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebToolDefinition;
import java.util.Map;

/**
 * The voice platform's web tools (Hamsa). Every method either returns what the platform confirmed or throws
 * {@link dev.switchboard.domain.model.PlatformException} saying which kind of failure it was.
 */
public interface WebToolPlatform {

    /**
     * @param authToken the token the platform sends the tool's server, or null for none
     * @return the platform's id for the new tool
     */
    String createTool(WebToolDefinition definition, String authToken);

    PlatformWebTool getTool(String id);

    /** Replaces the tool's definition with this one, and its token as the change says. */
    void updateTool(String id, WebToolDefinition definition, SecretChange authToken);

    void setActive(String id, boolean active);

    /**
     * Has the platform call the tool's server once, as an agent would, with these arguments.
     *
     * @param authToken the tool's token, or null for none
     */
    ToolTestResult testTool(String id, WebToolDefinition definition, String authToken, Map<String, Object> arguments);
}
