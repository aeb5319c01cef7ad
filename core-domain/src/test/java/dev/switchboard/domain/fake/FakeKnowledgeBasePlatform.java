package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.KnowledgeType;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hamsa's knowledge base in memory: obeys the platform contract, counts calls, and can be told to fail. It
 * takes every item in as PENDING and processes nothing by itself: a test says how processing ended with
 * {@link #finishProcessing}. Sizes are what Hamsa would count before processing: a text's UTF-8 bytes, a
 * file's bytes, nothing for URLs.
 */
public final class FakeKnowledgeBasePlatform implements KnowledgeBasePlatform {

    /** An item as the fake holds it. */
    public record Stored(String name, KnowledgeType type, String text, List<URI> urls, long sizeBytes,
                         KnowledgeStatus status, String failureReason, boolean active) {
    }

    private final Map<String, Stored> items = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private PlatformException nextFailure;
    private Runnable beforeNext;

    /** The next call (of any kind) throws this, once; the call has no effect. */
    public synchronized void failNext(PlatformException failure) {
        this.nextFailure = failure;
    }

    /**
     * Runs this at the start of the next call, once, before that call looks for a told failure: for a test to
     * change things while a call is under way (or to arrange a failure of the call after it).
     */
    public synchronized void beforeNext(Runnable action) {
        this.beforeNext = action;
    }

    /** The operations called so far, e.g. ["create", "get"]. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized int callCount() {
        return calls.size();
    }

    /** The item as the fake holds it, if it holds one with this id. */
    public synchronized Optional<Stored> stored(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public synchronized int size() {
        return items.size();
    }

    /** Hamsa finished processing the item: it now reports this status, reason and size. */
    public synchronized void finishProcessing(String id, KnowledgeStatus status, String reason, long sizeBytes) {
        Stored s = existing(id);
        items.put(id, new Stored(s.name, s.type, s.text, s.urls, sizeBytes, status, reason, s.active));
    }

    /** The item is gone from Hamsa without Switchboard having asked. */
    public synchronized void lose(String id) {
        existing(id);
        items.remove(id);
    }

    @Override
    public PlatformKnowledgeItem createItem(String name, KnowledgeContent content, byte[] fileBytes) {
        enter("create");
        synchronized (this) {
            Stored stored;
            if (content instanceof KnowledgeContent.Text t) {
                stored = new Stored(name, KnowledgeType.TEXT, t.text(), List.of(),
                        t.text().getBytes(StandardCharsets.UTF_8).length, KnowledgeStatus.PENDING, null, true);
            } else if (content instanceof KnowledgeContent.File) {
                if (fileBytes == null || fileBytes.length == 0) {
                    throw new PlatformException(PlatformFailure.VALIDATION, "10422", "file is required");
                }
                stored = new Stored(name, KnowledgeType.FILE, null, List.of(), fileBytes.length,
                        KnowledgeStatus.PENDING, null, true);
            } else {
                stored = new Stored(name, KnowledgeType.URL, null, ((KnowledgeContent.Urls) content).urls(), 0,
                        KnowledgeStatus.PENDING, null, true);
            }
            String id = "fake-kb-" + UUID.randomUUID();
            items.put(id, stored);
            return report(id, stored);
        }
    }

    @Override
    public PlatformKnowledgeItem getItem(String id) {
        enter("get");
        synchronized (this) {
            return report(id, existing(id));
        }
    }

    @Override
    public PlatformKnowledgeItem updateItem(String id, String name, KnowledgeContent.Text text) {
        enter("update");
        synchronized (this) {
            Stored s = existing(id);
            if (text != null && s.type != KnowledgeType.TEXT) {
                throw new PlatformException(PlatformFailure.VALIDATION, "10422", "only a TEXT item has content");
            }
            Stored next = text == null
                    ? new Stored(name, s.type, s.text, s.urls, s.sizeBytes, s.status, s.failureReason, s.active)
                    : new Stored(name, s.type, text.text(), s.urls, text.text().getBytes(StandardCharsets.UTF_8).length,
                            KnowledgeStatus.PENDING, null, s.active);
            items.put(id, next);
            return report(id, next);
        }
    }

    @Override
    public void deleteItem(String id) {
        enter("delete");
        synchronized (this) {
            existing(id);
            items.remove(id);
        }
    }

    @Override
    public PlatformKnowledgeItem addUrls(String id, List<URI> urls) {
        enter("addUrls");
        synchronized (this) {
            Stored s = existing(id);
            if (s.type != KnowledgeType.URL) {
                throw new PlatformException(PlatformFailure.VALIDATION, "10422", "only a URL item takes URLs");
            }
            List<URI> all = new ArrayList<>(s.urls);
            all.addAll(urls);
            Stored next = new Stored(s.name, s.type, s.text, List.copyOf(all), s.sizeBytes, KnowledgeStatus.PENDING,
                    null, s.active);
            items.put(id, next);
            return report(id, next);
        }
    }

    @Override
    public PlatformKnowledgeItem setActive(String id, boolean active) {
        enter("setActive");
        synchronized (this) {
            Stored s = existing(id);
            Stored next = new Stored(s.name, s.type, s.text, s.urls, s.sizeBytes, s.status, s.failureReason, active);
            items.put(id, next);
            return report(id, next);
        }
    }

    private void enter(String operation) {
        Runnable hook;
        synchronized (this) {
            calls.add(operation);
            hook = beforeNext;
            beforeNext = null;
        }
        if (hook != null) {
            hook.run();
        }
        PlatformException failure;
        synchronized (this) {
            failure = nextFailure;
            nextFailure = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Stored existing(String id) {
        Stored stored = items.get(id);
        if (stored == null) {
            throw new PlatformException(PlatformFailure.NOT_FOUND, "10404", "Knowledge item not found");
        }
        return stored;
    }

    private static PlatformKnowledgeItem report(String id, Stored s) {
        return new PlatformKnowledgeItem(id, s.status, Optional.ofNullable(s.failureReason), Optional.of(s.sizeBytes),
                Optional.of(s.active));
    }
}
