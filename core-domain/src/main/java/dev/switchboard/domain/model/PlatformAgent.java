package dev.switchboard.domain.model;

import java.util.Objects;

/** A voice agent as the voice platform holds it. */
public record PlatformAgent(HamsaAgentId id, AgentSettings settings) {

    public PlatformAgent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
    }
}
