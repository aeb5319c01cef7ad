package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A web tool as Switchboard knows it: its definition, the team that owns it, its Hamsa id, whether it is
 * active, and its auth token sealed (never in the clear, never shown: only whether one is set).
 *
 * @param sealedAuthToken the token as {@link dev.switchboard.domain.port.out.SecretCipher} sealed it for
 *                        {@link #authTokenContext()}, or null when the tool has none
 */
public record WebTool(WebToolId id, TeamId team, String hamsaToolId, WebToolDefinition definition, String sealedAuthToken,
                      boolean active, Instant createdAt, Instant updatedAt, long version) {

    public WebTool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (hamsaToolId == null || hamsaToolId.isBlank()) {
            throw new IllegalArgumentException("a web tool has a Hamsa id");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** The context a tool's token is sealed for, so a sealed token copied to another tool does not open. */
    public static String authTokenContext(WebToolId id) {
        return "web-tool-auth-token:" + id;
    }

    public String authTokenContext() {
        return authTokenContext(id);
    }

    public boolean hasAuthToken() {
        return sealedAuthToken != null;
    }

    public WebTool withDefinition(WebToolDefinition next, String nextSealedToken, Instant now) {
        return new WebTool(id, team, hamsaToolId, next, nextSealedToken, active, createdAt, later(now), version + 1);
    }

    public WebTool withActive(boolean nextActive, Instant now) {
        return new WebTool(id, team, hamsaToolId, definition, sealedAuthToken, nextActive, createdAt, later(now), version + 1);
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    @Override
    public String toString() {
        // The sealed token is not a secret in the clear, but it has no business in a log either.
        return "WebTool[id=" + id + ", team=" + team + ", hamsaToolId=" + hamsaToolId + ", name=" + definition.name()
                + ", hasAuthToken=" + hasAuthToken() + ", active=" + active + ", version=" + version + "]";
    }
}
