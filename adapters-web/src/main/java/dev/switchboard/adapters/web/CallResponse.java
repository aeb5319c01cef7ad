package dev.switchboard.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.domain.model.Call;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Call")
// Also sent inside built Responses (place, cancel), where Quarkus cannot see its type: registered for native.
@RegisterForReflection(targets = {CallResponse.class, CallResponse.Line.class, CallResponse.Event.class})
public record CallResponse(
        String id,
        String agentId,
        @Schema(description = "PHONE or WEB") String channel,
        @Schema(description = "QUEUED, DISPATCHED, STARTED, ANSWERED, COMPLETED, NO_ANSWER, FAILED or CANCELLED")
        String status,
        String toNumber,
        String fromNumber,
        Map<String, Object> params,
        String externalId,
        @Schema(description = "Hamsa's id of the call, once Hamsa accepted it") String hamsaCallId,
        @Schema(description = "In the order it was spoken") List<Line> transcript,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "What the agent extracted, with your params echoed; null until the call ends, and only "
                + "the fields Hamsa sent") Map<String, Object> outcome,
        String recordingUrl,
        String failureReason,
        Integer durationSeconds,
        @Schema(description = "Everything that happened to the call, oldest first") List<Event> timeline,
        Instant createdAt,
        Instant updatedAt,
        Instant dispatchedAt,
        Instant endedAt) {

    public record Line(String speaker, String text) {
    }

    public record Event(String event, Instant at, Map<String, Object> detail) {
    }

    static CallResponse of(Call c) {
        return new CallResponse(c.id().toString(), c.agentId().toString(), c.channel().name(), c.status().name(),
                c.toNumber(), c.fromNumber(), c.params(), c.externalId(), c.hamsaCallId(),
                c.transcript().stream().map(l -> new Line(l.speaker(), l.text())).toList(), c.outcome(),
                c.recordingUrl(), c.failureReason(), c.durationSeconds(),
                c.timeline().stream().map(e -> new Event(e.event(), e.at(), e.detail())).toList(),
                c.createdAt(), c.updatedAt(), c.dispatchedAt(), c.endedAt());
    }
}
