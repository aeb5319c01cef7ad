package dev.switchboard.adapters.persistence.calls;

import dev.switchboard.adapters.persistence.Jdbc;
import dev.switchboard.domain.model.StorageUnavailableException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Group commit for the inbox. Receivers hand their rows to a few writer threads, each of which takes every row
 * waiting (up to {@link #MAX_BATCH}) and stores them with one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT
 * DO NOTHING RETURNING}: one statement, one commit, one WAL flush for the lot. A receiver waits for the commit
 * of its own row, so its 200 still means "stored"; alone, a row is written at once, so a quiet receiver waits
 * no longer than before. Under load, the batches grow by themselves.
 */
final class InboxWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InboxWriter.class);
    static final int MAX_BATCH = 256;
    private static final String INSERT = "INSERT INTO hamsa_event_inbox"
            + " (dedup_key, call_id, event_type, occurred_at, source, body)"
            + " SELECT k, c, t, o::timestamptz, s, b FROM unnest(?::varchar[], ?::uuid[], ?::varchar[], ?::text[],"
            + " ?::varchar[], ?::text[]) AS u(k, c, t, o, s, b)"
            + " ON CONFLICT (dedup_key) DO NOTHING RETURNING dedup_key";

    /** One row to store, and the receiver waiting for it: true once stored, false if its key was there already. */
    record Row(String dedupKey, UUID callId, String eventType, Instant occurredAt, String source, String body,
               CompletableFuture<Boolean> stored) {
    }

    private final Jdbc jdbc;
    /** Rows waiting for a writer at most; past it a receiver is answered 503 at once. */
    static final int MAX_WAITING = 4_096;
    private final BlockingQueue<Row> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    InboxWriter(Jdbc jdbc, int threads) {
        this.jdbc = jdbc;
        for (int i = 1; i <= threads; i++) {
            Thread writer = new Thread(this::run, "inbox-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /**
     * Stores the row, committed, before it returns.
     *
     * @return true if stored now, false if a row with its key was there already
     * @throws StorageUnavailableException if it could not be stored within {@code timeout} (it may still be
     *         stored afterwards, and then a repeat finds it)
     */
    boolean store(String dedupKey, UUID callId, String eventType, Instant occurredAt, String source, String body,
                  Duration timeout) {
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        if (!waiting.offer(new Row(dedupKey, callId, eventType, occurredAt, source, body, stored))) {
            // Postgres is not keeping up (or hangs): refuse at once rather than hold ever more bodies in memory.
            throw new StorageUnavailableException("Postgres: " + MAX_WAITING + " inbox writes already waiting", null);
        }
        try {
            return stored.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // Not acknowledged, so the writer may drop it; if it was already being written, a repeat finds it.
            stored.cancel(false);
            throw new StorageUnavailableException("Postgres: the inbox write took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while the inbox write was waiting", e);
        }
    }

    private void run() {
        List<Row> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Row first = waiting.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                // a receiver that gave up was answered 503: its row need not be written
                batch.removeIf(row -> row.stored().isDone());
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                batch.forEach(row -> row.stored().completeExceptionally(e));
                LOG.debugf("Inbox batch of %d not stored: %s", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Row> batch) {
        Set<String> inserted = jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setArray(1, array(c, "varchar", batch.stream().map(Row::dedupKey).toArray()));
                ps.setArray(2, array(c, "uuid", batch.stream().map(Row::callId).toArray()));
                ps.setArray(3, array(c, "varchar", batch.stream().map(Row::eventType).toArray()));
                // ISO-8601 text, cast in SQL: a java.sql.Timestamp would travel as local time, ambiguous across DST
                ps.setArray(4, array(c, "text", batch.stream().map(row -> row.occurredAt().toString()).toArray()));
                ps.setArray(5, array(c, "varchar", batch.stream().map(Row::source).toArray()));
                ps.setArray(6, array(c, "text", batch.stream().map(Row::body).toArray()));
                Set<String> keys = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                return keys;
            }
        });
        // Two rows of one batch with one key: the first is the stored one, the second a repeat.
        for (Row row : batch) {
            row.stored().complete(inserted.remove(row.dedupKey()));
        }
    }

    private static Array array(java.sql.Connection c, String type, Object[] values) throws java.sql.SQLException {
        return c.createArrayOf(type, values);
    }

    @Override
    public void close() {
        closed = true;
        writers.forEach(Thread::interrupt);
        Row row;
        while ((row = waiting.poll()) != null) {
            row.stored().completeExceptionally(new StorageUnavailableException("Switchboard is stopping", null));
        }
    }
}
