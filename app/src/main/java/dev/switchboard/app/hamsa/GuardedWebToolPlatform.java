package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.PlatformWebTool;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.port.out.WebToolPlatform;
import java.util.Map;

/** The web-tool port for callers of one priority: see {@link GuardedVoiceAgentPlatform}. */
final class GuardedWebToolPlatform implements WebToolPlatform {

    private final WebToolPlatform platform;
    private final HamsaCalls calls;
    private final Priority priority;

    GuardedWebToolPlatform(WebToolPlatform platform, HamsaCalls calls, Priority priority) {
        this.platform = platform;
        this.calls = calls;
        this.priority = priority;
    }

    @Override
    public String createTool(WebToolDefinition definition, String authToken) {
        return calls.forCaller(priority, () -> platform.createTool(definition, authToken));
    }

    @Override
    public PlatformWebTool getTool(String id) {
        return calls.forCaller(priority, () -> platform.getTool(id));
    }

    @Override
    public void updateTool(String id, WebToolDefinition definition, SecretChange authToken) {
        calls.forCaller(priority, () -> {
            platform.updateTool(id, definition, authToken);
            return null;
        });
    }

    @Override
    public void setActive(String id, boolean active) {
        calls.forCaller(priority, () -> {
            platform.setActive(id, active);
            return null;
        });
    }

    @Override
    public ToolTestResult testTool(String id, WebToolDefinition definition, String authToken, Map<String, Object> arguments) {
        return calls.forCaller(priority, () -> platform.testTool(id, definition, authToken, arguments));
    }
}
