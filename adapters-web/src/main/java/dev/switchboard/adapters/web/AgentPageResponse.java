package dev.switchboard.adapters.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgentPage")
public record AgentPageResponse(
        List<AgentResponse> items,
        @Schema(description = "Pass as ?cursor= to get the next page; null on the last page", nullable = true)
        String nextCursor,
        @Schema(description = "True while Switchboard cannot reach Hamsa's agents: the items may be out of date")
        boolean stale) {
}
