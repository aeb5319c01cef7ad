package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A knowledge item as the platform reports it: what Switchboard does not decide itself. Every part but the
 * id and status may be missing from an answer.
 *
 * @param sizeBytes what the platform counts against the account's storage
 * @param active    whether agents may use it
 */
public record PlatformKnowledgeItem(String id, KnowledgeStatus status, Optional<String> failureReason,
                                    Optional<Long> sizeBytes, Optional<Boolean> active) {

    public PlatformKnowledgeItem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a platform item has an id");
        }
        Objects.requireNonNull(status, "status");
        failureReason = failureReason == null ? Optional.empty() : failureReason.filter(r -> !r.isBlank());
        sizeBytes = sizeBytes == null ? Optional.empty() : sizeBytes.filter(s -> s >= 0);
        active = active == null ? Optional.empty() : active;
    }
}
