package dev.switchboard.adapters.web.tools;

import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the web-tool API answers. The auth token is never in it: only whether one is set. */
@RegisterForReflection(targets = {WebToolResponses.Tool.class, WebToolResponses.Settings.class,
        WebToolResponses.TestResult.class, WebToolResponses.PageResponse.class})
final class WebToolResponses {

    private WebToolResponses() {
    }

    @Schema(name = "WebToolSettingsView")
    record Settings(String serverUrl, String methodType, int timeOut, Map<String, String> httpHeaders,
                    Map<String, String> pathParameters,
                    @Schema(description = "Whether an auth token is set; the token itself is never shown") boolean authTokenSet) {
    }

    @Schema(name = "WebTool")
    record Tool(String id, @Schema(description = "The tool's id on Hamsa") String hamsaToolId, String type, String name,
                String description, Settings toolSettings, Map<String, Object> params, boolean active,
                Instant createdAt, Instant updatedAt, long version) {

        static Tool of(WebTool t) {
            WebToolDefinition d = t.definition();
            return new Tool(t.id().toString(), t.hamsaToolId(), d.kind().name(), d.name(), d.description(),
                    new Settings(d.serverUrl(), d.method().name(), d.timeoutSeconds(), d.headers(),
                            d.pathParameters(), t.hasAuthToken()),
                    d.params(), t.active(), t.createdAt(), t.updatedAt(), t.version());
        }
    }

    @Schema(name = "WebToolPage")
    record PageResponse(List<Tool> items, String nextCursor) {
    }

    @Schema(name = "WebToolTestResult")
    record TestResult(@Schema(description = "Whether the server answered 2xx") boolean success,
                      Integer statusCode, long durationMs, String body, String error) {

        static TestResult of(ToolTestResult r) {
            return new TestResult(r.success(), r.statusCode(), r.durationMillis(), r.body(), r.error());
        }
    }
}
