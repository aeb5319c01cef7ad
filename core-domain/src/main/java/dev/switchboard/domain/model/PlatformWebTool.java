package dev.switchboard.domain.model;

import java.util.Objects;

/** A web tool as the platform holds it. */
public record PlatformWebTool(String id, WebToolDefinition definition, boolean active, boolean hasAuthToken) {

    public PlatformWebTool {
        Objects.requireNonNull(definition, "definition");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a platform tool has an id");
        }
    }
}
