package dev.switchboard.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps API requests in arrival order. A request is recorded when it arrives and its status is
 * filled in when the answer is known, so slow or hanging requests still show up in order.
 */
final class RequestRecorder {

    final class Entry {
        private final Instant at;
        private final String method;
        private final String path;
        private final String query;
        private final Map<String, String> headers;
        private final String body;
        private volatile int status;

        private Entry(Instant at, String method, String path, String query, Map<String, String> headers, String body) {
            this.at = at;
            this.method = method;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.body = body;
        }

        void complete(int status) {
            this.status = status;
        }

        private RecordedRequest toRecord() {
            return new RecordedRequest(at, method, path, query, headers, body, status);
        }
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    RequestRecorder(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        this.capacity = capacity;
    }

    Entry begin(Instant at, String method, String path, String query, Map<String, String> headers, String body) {
        Entry entry = new Entry(at, method, path, query, Map.copyOf(headers), body);
        synchronized (entries) {
            entries.addLast(entry);
            // Oldest first out, so a long load run cannot exhaust the heap.
            while (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
        return entry;
    }

    List<RecordedRequest> snapshot() {
        List<Entry> copy;
        synchronized (entries) {
            copy = new ArrayList<>(entries);
        }
        List<RecordedRequest> records = new ArrayList<>(copy.size());
        for (Entry entry : copy) {
            records.add(entry.toRecord());
        }
        return List.copyOf(records);
    }

    /** Returns how many requests were dropped. */
    int clear() {
        synchronized (entries) {
            int count = entries.size();
            entries.clear();
            return count;
        }
    }
}
