package dev.switchboard.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A stored knowledge-base item. {@code round} counts its processings, so a processing step scheduled
 * before the item was changed (and sent back to PENDING) knows it is stale.
 */
record KnowledgeItem(
        String id,
        String itemName,
        Type type,
        String content,
        List<String> itemUrls,
        String fileName,
        String mimeType,
        Status status,
        String failureReason,
        boolean active,
        long size,
        long round,
        Instant createdAt,
        Instant updatedAt) {

    enum Type { TEXT, FILE, URL }

    enum Status { PENDING, PROCESSING, COMPLETED, FAILED }

    /** What Hamsa is taken to store per URL once it has fetched it; Hamsa does not say. */
    static final long BYTES_PER_URL = 2048;

    KnowledgeItem {
        itemUrls = List.copyOf(itemUrls);
    }

    /**
     * The bytes it holds or will hold once processed: a URL item's size is 0 until it is processed,
     * but a request that would certainly take the account over its quota is refused up front.
     */
    long footprint() {
        if (type == Type.URL) {
            return status == Status.FAILED ? size : BYTES_PER_URL * itemUrls.size();
        }
        return size;
    }

    KnowledgeItem withStatus(Status newStatus, String reason, long newSize, Instant at) {
        return new KnowledgeItem(id, itemName, type, content, itemUrls, fileName, mimeType, newStatus, reason, active,
                newSize, round, createdAt, at);
    }

    KnowledgeItem renamed(String newName, Instant at) {
        return new KnowledgeItem(id, newName, type, content, itemUrls, fileName, mimeType, status, failureReason,
                active, size, round, createdAt, at);
    }

    KnowledgeItem activated(boolean isActive, Instant at) {
        return new KnowledgeItem(id, itemName, type, content, itemUrls, fileName, mimeType, status, failureReason,
                isActive, size, round, createdAt, at);
    }

    /** Sent back to PENDING with new content or URLs, for a new round of processing. */
    KnowledgeItem reprocessed(String newContent, List<String> newUrls, long newSize, Instant at) {
        return new KnowledgeItem(id, itemName, type, newContent, newUrls, fileName, mimeType, Status.PENDING, null,
                active, newSize, round + 1, createdAt, at);
    }

    KnowledgeItemView view() {
        return new KnowledgeItemView(id, itemName, type.name(), status.name(), failureReason, active, size, itemUrls);
    }
}
