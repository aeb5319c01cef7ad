package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A voice agent as Switchboard knows it: the platform's settings mirrored, plus Switchboard's own
 * identity, the team that owns it, the client's optional external id, and a version that grows by one on every change.
 */
public record VoiceAgent(VoiceAgentId id, TeamId team, HamsaAgentId hamsaAgentId, AgentSettings settings, String externalId,
                         Instant createdAt, Instant updatedAt, long version, AgentAttachments attachments) {

    public static final int EXTERNAL_ID_MAX = 255;

    /** An agent with no knowledge items or tools. */
    public VoiceAgent(VoiceAgentId id, TeamId team, HamsaAgentId hamsaAgentId, AgentSettings settings, String externalId,
                      Instant createdAt, Instant updatedAt, long version) {
        this(id, team, hamsaAgentId, settings, externalId, createdAt, updatedAt, version, AgentAttachments.none());
    }

    public VoiceAgent {
        attachments = attachments == null ? AgentAttachments.none() : attachments;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(hamsaAgentId, "hamsaAgentId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        checkExternalId(externalId);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt must not be before createdAt");
        }
    }

    /** A new agent, version 1, mirroring what the platform just created. */
    public static VoiceAgent created(VoiceAgentId id, TeamId team, PlatformAgent platformAgent, String externalId,
                                     Instant now) {
        return created(id, team, platformAgent, externalId, AgentAttachments.none(), now);
    }

    /** As {@link #created(VoiceAgentId, TeamId, PlatformAgent, String, Instant)}, with Switchboard's ids of its knowledge and tools. */
    public static VoiceAgent created(VoiceAgentId id, TeamId team, PlatformAgent platformAgent, String externalId,
                                     AgentAttachments attachments, Instant now) {
        return new VoiceAgent(id, team, platformAgent.id(), platformAgent.settings(), externalId, now, now, 1, attachments);
    }

    public static void checkExternalId(String externalId) {
        if (externalId == null) {
            return;
        }
        if (externalId.isBlank()) {
            throw InvalidInputException.of("externalId", "must not be blank when given");
        }
        if (externalId.length() > EXTERNAL_ID_MAX) {
            throw InvalidInputException.of("externalId", "must be at most " + EXTERNAL_ID_MAX + " characters");
        }
    }

    /** The next version of this agent, now holding the settings the platform confirmed. */
    public VoiceAgent withSettings(AgentSettings confirmed, Instant now) {
        return withSettings(confirmed, attachments, now);
    }

    /** As {@link #withSettings(AgentSettings, Instant)}, with these knowledge items and tools. */
    public VoiceAgent withSettings(AgentSettings confirmed, AgentAttachments nextAttachments, Instant now) {
        Instant updated = now.isBefore(createdAt) ? createdAt : now;
        return new VoiceAgent(id, team, hamsaAgentId, confirmed, externalId, createdAt, updated, version + 1,
                nextAttachments);
    }
}
