package dev.switchboard.simulator;

import java.util.List;

/**
 * A knowledge-base item as the simulator holds it, for tests.
 *
 * @param type          {@code TEXT}, {@code FILE} or {@code URL}
 * @param status        {@code PENDING}, {@code PROCESSING}, {@code COMPLETED} or {@code FAILED}
 * @param failureReason null unless FAILED
 * @param size          the bytes it counts against the storage quota
 * @param itemUrls      its URLs; empty unless a URL item
 */
public record KnowledgeItemView(
        String id,
        String itemName,
        String type,
        String status,
        String failureReason,
        boolean active,
        long size,
        List<String> itemUrls) {

    public KnowledgeItemView {
        itemUrls = List.copyOf(itemUrls);
    }
}
