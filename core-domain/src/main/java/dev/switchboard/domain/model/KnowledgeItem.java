package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A knowledge-base item as Switchboard knows it: what it holds, the team that owns it, its Hamsa id, and its
 * processing status and failure reason as Hamsa last reported them.
 *
 * @param hamsaItemId null only while Switchboard has reserved the item's bytes and not yet heard back from Hamsa
 * @param sizeBytes   the bytes counted against the team's budget: what Switchboard knew at upload, or what
 *                    Hamsa reported since, whichever is larger
 */
public record KnowledgeItem(KnowledgeItemId id, TeamId team, String hamsaItemId, String name, KnowledgeContent content,
                            long sizeBytes, KnowledgeStatus status, String failureReason, boolean active,
                            Instant createdAt, Instant updatedAt, long version) {

    public static final int NAME_MAX = 255;

    public KnowledgeItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        checkName(name);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        failureReason = status == KnowledgeStatus.FAILED ? failureReason : null;
    }

    public static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "must not be blank");
        }
        if (name.length() > NAME_MAX) {
            throw InvalidInputException.of("name", "must be at most " + NAME_MAX + " characters");
        }
        if (Text.hasNul(name)) {
            throw InvalidInputException.of("name", Text.NO_NUL);
        }
    }

    /** An item whose bytes are reserved before Hamsa is asked to store it. */
    public static KnowledgeItem reserved(KnowledgeItemId id, TeamId team, String name, KnowledgeContent content, Instant now) {
        return new KnowledgeItem(id, team, null, name, content, content.sizeBytes(), KnowledgeStatus.PENDING, null, true,
                now, now, 1);
    }

    public KnowledgeType type() {
        return content.type();
    }

    public Optional<String> hamsaId() {
        return Optional.ofNullable(hamsaItemId);
    }

    /** The next version, holding what Hamsa reported about the item. */
    public KnowledgeItem withPlatform(PlatformKnowledgeItem reported, Instant now) {
        KnowledgeItem r = reporting(reported);
        return new KnowledgeItem(id, team, r.hamsaItemId, name, content, r.sizeBytes, r.status, r.failureReason, r.active,
                createdAt, later(now), version + 1);
    }

    /** This same version, holding what Hamsa reported: for a version not stored yet. */
    public KnowledgeItem reporting(PlatformKnowledgeItem reported) {
        long size = reported.sizeBytes().map(s -> Math.max(s, content.sizeBytes())).orElse(sizeBytes);
        return new KnowledgeItem(id, team, reported.id(), name, content, size, reported.status(),
                reported.failureReason().orElse(reported.status() == KnowledgeStatus.FAILED ? "Hamsa gave no reason" : null),
                reported.active().orElse(active), createdAt, updatedAt, version);
    }

    /** Whether Hamsa's report says anything this item does not already hold. */
    public boolean differsFrom(PlatformKnowledgeItem reported) {
        return !reporting(reported).equals(this);
    }

    /** The next version, holding {@code previous}'s name and content again (a change Hamsa refused). */
    public KnowledgeItem revertedTo(KnowledgeItem previous, Instant now) {
        return new KnowledgeItem(id, team, hamsaItemId, previous.name, previous.content, previous.sizeBytes, status,
                failureReason, active, createdAt, later(now), version + 1);
    }

    /** The next version with a new name and content (as sent to Hamsa, which then processes it again). */
    public KnowledgeItem withContent(String newName, KnowledgeContent newContent, Instant now) {
        // Unchanged content keeps what was counted (perhaps Hamsa's larger figure); new text counts as itself until
        // Hamsa reports; a URL item counts what Hamsa reported until it reports again.
        long size = newContent.equals(content) || newContent.type() == KnowledgeType.URL ? sizeBytes : newContent.sizeBytes();
        return new KnowledgeItem(id, team, hamsaItemId, newName, newContent, size, status, failureReason, active,
                createdAt, later(now), version + 1);
    }

    /** The next version, failed with this reason (Hamsa lost it, or may not have stored it). */
    public KnowledgeItem failed(String reason, Instant now) {
        return new KnowledgeItem(id, team, hamsaItemId, name, content, sizeBytes, KnowledgeStatus.FAILED, reason, active,
                createdAt, later(now), version + 1);
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }
}
