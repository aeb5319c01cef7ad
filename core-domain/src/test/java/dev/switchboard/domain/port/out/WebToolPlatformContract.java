package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformWebTool;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.model.WebToolKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebToolPlatform} must do. Extended by the in-memory fake and by the Hamsa adapter's test
 * against the simulator. A definition read back is compared field by field on what the platform must keep
 * (name, kind, server URL, method, timeout), not as a whole. A tool's test is tried only against a server no one
 * can reach (a host under {@code .invalid}, which never resolves, RFC 6761), so no test depends on the network.
 */
public abstract class WebToolPlatformContract {

    protected abstract WebToolPlatform platform();

    protected static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static WebToolDefinition function(String name, String url, ToolHttpMethod method, int timeout) {
        return new WebToolDefinition(WebToolKind.FUNCTION, name, "Looks up an order by its number",
                url, method, timeout, Map.of("X-Api-Version", "2"), Map.of(),
                Map.of("type", "object", "properties", Map.of("order", Map.of("type", "string")),
                        "required", List.of("order")));
    }

    private static void assertSameDefinition(PlatformWebTool read, WebToolDefinition expected) {
        WebToolDefinition actual = read.definition();
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.kind()).isEqualTo(expected.kind());
        assertThat(actual.serverUrl()).isEqualTo(expected.serverUrl());
        assertThat(actual.method()).isEqualTo(expected.method());
        assertThat(actual.timeoutSeconds()).isEqualTo(expected.timeoutSeconds());
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(PlatformFailure.NOT_FOUND));
    }

    @Test
    void a_created_tool_gets_an_id() {
        String id = platform().createTool(function(uniqueName("orders"), "https://api.example.com/orders",
                ToolHttpMethod.GET, 10), null);

        assertThat(id).isNotBlank();
    }

    @Test
    void a_created_tool_shows_its_definition_and_that_it_has_a_token() {
        WebToolDefinition definition = function(uniqueName("lookup"), "https://api.example.com/lookup",
                ToolHttpMethod.POST, 25);
        String id = platform().createTool(definition, "tok_" + UUID.randomUUID());

        PlatformWebTool read = platform().getTool(id);

        assertThat(read.id()).isEqualTo(id);
        assertSameDefinition(read, definition);
        assertThat(read.hasAuthToken()).isTrue();
    }

    @Test
    void a_tool_created_without_a_token_shows_none() {
        String id = platform().createTool(function(uniqueName("public"), "https://api.example.com/public",
                ToolHttpMethod.GET, 10), null);

        assertThat(platform().getTool(id).hasAuthToken()).isFalse();
    }

    @Test
    void an_mcp_tool_is_created_and_read_back() {
        WebToolDefinition mcp = new WebToolDefinition(WebToolKind.MCP, uniqueName("mcp"), null,
                "https://mcp.example.com/mcp", null, 30, null, null, null);
        String id = platform().createTool(mcp, null);

        assertSameDefinition(platform().getTool(id), mcp);
    }

    @Test
    void an_update_replaces_the_definition_and_keeps_the_token_unless_told() {
        String id = platform().createTool(function(uniqueName("v1"), "https://api.example.com/v1",
                ToolHttpMethod.GET, 10), "tok_" + UUID.randomUUID());
        WebToolDefinition next = function(uniqueName("v2"), "https://api.example.com/v2", ToolHttpMethod.PUT, 40);

        platform().updateTool(id, next, SecretChange.keep());

        PlatformWebTool read = platform().getTool(id);
        assertSameDefinition(read, next);
        assertThat(read.hasAuthToken()).isTrue();
    }

    @Test
    void clearing_the_token_removes_it_and_setting_one_adds_it() {
        WebToolDefinition definition = function(uniqueName("token"), "https://api.example.com/t", ToolHttpMethod.GET, 10);
        String id = platform().createTool(definition, "tok_" + UUID.randomUUID());

        platform().updateTool(id, definition, SecretChange.clear());

        assertThat(platform().getTool(id).hasAuthToken()).isFalse();

        platform().updateTool(id, definition, SecretChange.set("tok_" + UUID.randomUUID()));

        assertThat(platform().getTool(id).hasAuthToken()).isTrue();
    }

    @Test
    void a_tool_is_deactivated_and_activated_again() {
        String id = platform().createTool(function(uniqueName("toggle"), "https://api.example.com/toggle",
                ToolHttpMethod.GET, 10), null);

        platform().setActive(id, false);

        assertThat(platform().getTool(id).active()).isFalse();

        platform().setActive(id, true);

        assertThat(platform().getTool(id).active()).isTrue();
    }

    @Test
    void an_unknown_id_is_not_found_for_every_operation() {
        String unknown = "missing-" + UUID.randomUUID();
        WebToolDefinition definition = function("unknown", "https://api.example.com/x", ToolHttpMethod.GET, 10);

        assertNotFound(() -> platform().getTool(unknown));
        assertNotFound(() -> platform().updateTool(unknown, definition, SecretChange.keep()));
        assertNotFound(() -> platform().setActive(unknown, true));
    }

    @Test
    void testing_a_tool_whose_server_cannot_be_reached_is_a_failed_result_with_an_error_not_an_exception() {
        WebToolDefinition definition = function(uniqueName("unreachable"), "https://tool-server.invalid/orders",
                ToolHttpMethod.POST, 5);
        String id = platform().createTool(definition, "tok_" + UUID.randomUUID());

        ToolTestResult result = platform().testTool(id, definition, null, Map.of("order", "A-1"));

        assertThat(result.success()).isFalse();
        assertThat(result.statusCode()).isNull();
        assertThat(result.error()).isNotBlank();
        assertThat(result.durationMillis()).isNotNegative();
    }

    @Test
    void testing_an_unknown_tool_is_not_found() {
        WebToolDefinition definition = function("unknown", "https://tool-server.invalid/x", ToolHttpMethod.GET, 10);

        assertNotFound(() -> platform().testTool("missing-" + UUID.randomUUID(), definition, null, Map.of()));
    }
}
