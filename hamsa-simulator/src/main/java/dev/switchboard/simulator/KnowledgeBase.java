package dev.switchboard.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The account's knowledge base: items in creation order, the storage quota, and their processing.
 * A new or changed item is PENDING, turns PROCESSING at once on a scheduler thread, and after the
 * processing delay COMPLETED, or FAILED when a scripted failure is waiting. One lock guards it all,
 * so a quota check and the change it allows cannot be split by another request.
 */
final class KnowledgeBase {

    static final long DEFAULT_STORAGE_LIMIT = 1_048_576;
    static final Duration DEFAULT_PROCESSING_DELAY = Duration.ofSeconds(2);
    static final String QUOTA_MESSAGE = "Knowledge base storage quota exceeded";

    record Page(int total, List<KnowledgeItem> items) {
    }

    private final Clock clock;
    private final long initialLimit;
    private final Duration initialDelay;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, KnowledgeItem> items = new LinkedHashMap<>();
    private final ArrayDeque<String> failures = new ArrayDeque<>();
    private long limit;
    private Duration delay;

    KnowledgeBase(Clock clock, long limit, Duration delay) {
        this.clock = clock;
        this.initialLimit = limit;
        this.initialDelay = delay;
        this.limit = limit;
        this.delay = delay;
        this.scheduler = new ScheduledThreadPoolExecutor(1, Threads.daemon("hamsa-simulator-knowledge-"));
        scheduler.setRemoveOnCancelPolicy(true);
    }

    static long requireLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("knowledge storage limit must not be negative, was " + bytes);
        }
        return bytes;
    }

    static Duration requireDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("knowledge processing delay must not be negative, was " + delay);
        }
        return delay;
    }

    /** All or nothing: when the drafts together would go over the quota, none is stored. */
    synchronized List<KnowledgeItem> create(List<KnowledgeInput.Draft> drafts) {
        long needed = 0;
        for (KnowledgeInput.Draft draft : drafts) {
            needed += draft.type() == KnowledgeItem.Type.URL
                    ? KnowledgeItem.BYTES_PER_URL * draft.itemUrls().size()
                    : draft.size();
        }
        checkQuota(0, needed);
        Instant now = Timestamps.now(clock);
        List<KnowledgeItem> created = new ArrayList<>();
        for (KnowledgeInput.Draft draft : drafts) {
            KnowledgeItem item = new KnowledgeItem(UUID.randomUUID().toString(), draft.itemName(), draft.type(),
                    draft.content(), draft.itemUrls(), draft.fileName(), draft.mimeType(),
                    KnowledgeItem.Status.PENDING, null, true, draft.size(), 1, now, now);
            items.put(item.id(), item);
            process(item);
            created.add(item);
        }
        return created;
    }

    synchronized KnowledgeItem get(String id) {
        KnowledgeItem item = items.get(id);
        if (item == null) {
            throw notFound();
        }
        return item;
    }

    synchronized boolean exists(String id) {
        return items.containsKey(id);
    }

    synchronized Page page(int skip, int take) {
        List<KnowledgeItem> all = List.copyOf(items.values());
        int from = Math.min(skip, all.size());
        int to = Math.min(from + take, all.size());
        return new Page(all.size(), all.subList(from, to));
    }

    synchronized List<KnowledgeItem> all() {
        return List.copyOf(items.values());
    }

    /** New content is for TEXT items only, and sends the item back to processing. */
    synchronized KnowledgeItem patch(String id, KnowledgeInput.Patch patch) {
        KnowledgeItem item = get(id);
        if (patch.content() != null && item.type() != KnowledgeItem.Type.TEXT) {
            throw ApiException.validation(Map.of("content", "only TEXT items have content to change"));
        }
        Instant at = Timestamps.after(item.updatedAt(), Timestamps.now(clock));
        KnowledgeItem updated = item;
        if (patch.itemName() != null) {
            updated = updated.renamed(patch.itemName(), at);
        }
        if (patch.content() != null) {
            long size = patch.content().getBytes(StandardCharsets.UTF_8).length;
            checkQuota(item.footprint(), size);
            updated = updated.reprocessed(patch.content(), List.of(), size, at);
        }
        items.put(id, updated);
        if (updated.round() != item.round()) {
            process(updated);
        }
        return updated;
    }

    synchronized KnowledgeItem addUrls(String id, List<String> urls) {
        KnowledgeItem item = get(id);
        if (item.type() != KnowledgeItem.Type.URL) {
            throw ApiException.validation(Map.of("itemUrls", "URLs can only be added to a URL item"));
        }
        List<String> all = new ArrayList<>(item.itemUrls());
        all.addAll(urls);
        if (all.size() > KnowledgeInput.MAX_URLS) {
            throw ApiException.validation(Map.of("itemUrls", "an item holds at most " + KnowledgeInput.MAX_URLS
                    + " URLs; it has " + item.itemUrls().size()));
        }
        checkQuota(item.footprint(), KnowledgeItem.BYTES_PER_URL * all.size());
        KnowledgeItem updated = item.reprocessed(null, all, item.size(),
                Timestamps.after(item.updatedAt(), Timestamps.now(clock)));
        items.put(id, updated);
        process(updated);
        return updated;
    }

    synchronized KnowledgeItem setActive(String id, boolean active) {
        KnowledgeItem item = get(id);
        KnowledgeItem updated = item.activated(active, Timestamps.after(item.updatedAt(), Timestamps.now(clock)));
        items.put(id, updated);
        return updated;
    }

    synchronized void delete(String id) {
        if (items.remove(id) == null) {
            throw notFound();
        }
    }

    /** The sum of the items' sizes as rendered. */
    synchronized long used() {
        return items.values().stream().mapToLong(KnowledgeItem::size).sum();
    }

    synchronized long limit() {
        return limit;
    }

    synchronized void setLimit(long bytes) {
        limit = requireLimit(bytes);
    }

    synchronized Duration delay() {
        return delay;
    }

    /** Applies to processings started from now on. */
    synchronized void setDelay(Duration processingDelay) {
        delay = requireDelay(processingDelay);
    }

    synchronized void failNext(int count, String reason) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        for (int i = 0; i < count; i++) {
            failures.addLast(reason);
        }
    }

    /** No items, no scripted failures, the limit and delay it was built with. Processings under way find nothing to finish. */
    synchronized void reset() {
        items.clear();
        failures.clear();
        limit = initialLimit;
        delay = initialDelay;
    }

    void close() {
        scheduler.shutdownNow();
    }

    /** Refused when swapping {@code released} bytes of an item for {@code needed} would take the account over. */
    private void checkQuota(long released, long needed) {
        long reserved = items.values().stream().mapToLong(KnowledgeItem::footprint).sum() - released;
        if (reserved + needed > limit) {
            throw ApiException.quotaExceeded(QUOTA_MESSAGE, Map.of("storage", "needs " + needed + " bytes; "
                    + reserved + " of " + limit + " bytes are used"));
        }
    }

    private void process(KnowledgeItem item) {
        try {
            scheduler.execute(() -> step(item.id(), item.round(), false));
            scheduler.schedule(() -> step(item.id(), item.round(), true), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed: the item stays as it is.
        }
    }

    private synchronized void step(String id, long round, boolean finish) {
        KnowledgeItem item = items.get(id);
        if (item == null || item.round() != round) {
            // Deleted, reset, or changed since: a newer round owns it.
            return;
        }
        Instant at = Timestamps.after(item.updatedAt(), Timestamps.now(clock));
        if (!finish) {
            if (item.status() == KnowledgeItem.Status.PENDING) {
                items.put(id, item.withStatus(KnowledgeItem.Status.PROCESSING, null, item.size(), at));
            }
            return;
        }
        String failure = failures.pollFirst();
        if (failure != null) {
            long size = item.type() == KnowledgeItem.Type.URL ? 0 : item.size();
            items.put(id, item.withStatus(KnowledgeItem.Status.FAILED, failure, size, at));
        } else {
            long size = item.type() == KnowledgeItem.Type.URL
                    ? KnowledgeItem.BYTES_PER_URL * item.itemUrls().size()
                    : item.size();
            items.put(id, item.withStatus(KnowledgeItem.Status.COMPLETED, null, size, at));
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("Knowledge base item not found");
    }
}
