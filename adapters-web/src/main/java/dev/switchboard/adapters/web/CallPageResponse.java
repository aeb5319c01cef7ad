package dev.switchboard.adapters.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CallPage")
public record CallPageResponse(List<CallResponse> items,
                               @Schema(description = "Give as ?cursor= for the next page; null on the last") String nextCursor) {
}
