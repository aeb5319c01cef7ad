package dev.switchboard.adapters.web.tools;

import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.WebToolChanges;
import dev.switchboard.domain.model.WebToolKind;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the web-tool API: Hamsa's web-tool body. Limits are the domain's, checked by the use case. */
final class WebToolRequests {

    private WebToolRequests() {
    }

    @Schema(name = "WebToolSettings")
    record Settings(
            @Schema(description = "The tool's server; https and public") String serverUrl,
            @Schema(description = "GET, POST, PUT, PATCH or DELETE (an MCP server is always POST)") ToolHttpMethod methodType,
            @Schema(description = "Seconds Hamsa waits for the server, 1 to 60 (default 10)") Integer timeOut,
            Map<String, String> httpHeaders,
            Map<String, String> pathParameters,
            @Schema(description = "Sent to the server as 'Authorization: Bearer <token>'; stored encrypted and never "
                    + "shown again. In an update, \"\" removes it and leaving it out keeps it.", writeOnly = true)
            String authToken) {

        @Override
        public String toString() {
            return "Settings[serverUrl=" + serverUrl + ", authToken=" + (authToken == null ? "none" : "***") + "]";
        }
    }

    /** Body of {@code POST /api/v1/tools}. */
    @Schema(name = "CreateWebToolRequest")
    record Create(
            @Schema(description = "FUNCTION or MCP") WebToolKind type,
            @Schema(description = "What the agent's model calls it: letters, digits, '_' and '-', unique in your team")
            String name,
            @Schema(description = "When the model should call it") String description,
            Settings toolSettings,
            @Schema(description = "The arguments as a JSON Schema (an object schema)") Map<String, Object> params) {
    }

    /** Body of {@code PATCH /api/v1/tools/{id}}: a field left out stays as it is; maps are replaced whole. */
    @Schema(name = "UpdateWebToolRequest")
    record Update(WebToolKind type, String name, String description, Settings toolSettings, Map<String, Object> params) {

        WebToolChanges changes() {
            Settings s = toolSettings == null ? new Settings(null, null, null, null, null, null) : toolSettings;
            return new WebToolChanges(Optional.ofNullable(type), Optional.ofNullable(name), Optional.ofNullable(description),
                    Optional.ofNullable(s.serverUrl()), Optional.ofNullable(s.methodType()), Optional.ofNullable(s.timeOut()),
                    Optional.ofNullable(s.httpHeaders()), Optional.ofNullable(s.pathParameters()),
                    Optional.ofNullable(params), SecretChange.fromField(s.authToken()));
        }
    }

    /** Body of {@code POST /api/v1/tools/{id}/test}. */
    @Schema(name = "TestWebToolRequest")
    record Test(@Schema(description = "The arguments to call the tool with, as the agent's model would") Map<String, Object> arguments) {
    }
}
