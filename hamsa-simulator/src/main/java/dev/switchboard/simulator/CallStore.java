package dev.switchboard.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Accepted calls in memory, by jobId. A sequence number per call keeps creation order. */
final class CallStore {

    /** {@code total} counts every call, {@code filtered} those matching; {@code calls} is the asked-for page. */
    record Page(int total, int filtered, List<Conversation> calls) {
    }

    private final ConcurrentHashMap<String, Conversation> calls = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    Conversation add(Conversation call) {
        calls.put(call.id(), call);
        return call;
    }

    Optional<Conversation> get(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    /** Oldest first. */
    List<Conversation> all() {
        return calls.values().stream().sorted(Comparator.comparingLong(Conversation::sequence)).toList();
    }

    /** Newest first; {@code page} is 1-based. */
    Page page(CallFilter filter) {
        List<Conversation> snapshot = List.copyOf(calls.values());
        List<Conversation> matching = snapshot.stream()
                .filter(filter::matches)
                .sorted(Comparator.comparingLong(Conversation::sequence).reversed())
                .toList();
        long from = Math.min((long) (filter.page() - 1) * filter.perPage(), matching.size());
        long to = Math.min(from + filter.perPage(), matching.size());
        return new Page(snapshot.size(), matching.size(), matching.subList((int) from, (int) to));
    }

    int count() {
        return calls.size();
    }

    /** Forgets every call and stops the ones still playing. */
    void clear() {
        for (Conversation call : calls.values()) {
            call.cancel();
        }
        calls.clear();
    }
}
