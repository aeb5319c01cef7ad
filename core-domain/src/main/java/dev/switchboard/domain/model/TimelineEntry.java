package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One thing that happened to a call: the event's name, when it happened, and what of it is worth showing. */
public record TimelineEntry(String event, Instant at, Map<String, Object> detail) {

    public TimelineEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? Map.of() : JsonValues.copyOf(detail);
    }
}
