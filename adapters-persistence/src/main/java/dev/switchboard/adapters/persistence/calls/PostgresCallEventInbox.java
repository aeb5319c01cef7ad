package dev.switchboard.adapters.persistence.calls;

import dev.switchboard.adapters.persistence.Jdbc;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.StorageUnavailableException;
import dev.switchboard.domain.port.out.CallEventInbox;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The inbox of call events on Postgres. Acceptance is an {@code INSERT ... ON CONFLICT DO NOTHING} on the dedup
 * key, committed before the caller acknowledges; concurrent acceptances share one statement and one commit
 * ({@link InboxWriter}). Applying takes the oldest due events with {@code FOR UPDATE SKIP LOCKED}, so workers on
 * every replica share the work without taking the same event.
 */
@ApplicationScoped
public class PostgresCallEventInbox implements CallEventInbox {

    private static final Logger LOG = Logger.getLogger(PostgresCallEventInbox.class);
    private static final int MAX_ERROR = 2_000;

    /** Longer than any healthy commit, well inside the 5 s Hamsa gives a receiver. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);

    private final Jdbc jdbc;
    private final InboxWriter writer;
    private final PostgresCalls calls;
    private final ObjectMapper json;
    private final CallRows rows;

    PostgresCallEventInbox(DataSource dataSource, PostgresCalls calls, ObjectMapper json) {
        this.jdbc = new Jdbc(dataSource);
        this.writer = new InboxWriter(jdbc, 2);
        this.calls = calls;
        this.json = json;
        this.rows = new CallRows(json);
    }

    @Override
    public boolean accept(InboxEntry entry) {
        String body = entry.body() != null ? entry.body() : syntheticEnvelope(entry);
        return writer.store(entry.dedupKey(), entry.callId().value(), entry.event().type(),
                entry.event().occurredAt(), entry.event().source(), body, WRITE_TIMEOUT);
    }

    @PreDestroy
    void stop() {
        writer.close();
    }

    /** An event Switchboard derived (the reconciler's) is kept in the shape Hamsa sends, so it reads back the same way. */
    private String syntheticEnvelope(InboxEntry entry) {
        HamsaEvent event = entry.event();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventType", event.type());
        envelope.put("callId", event.hamsaCallId());
        envelope.put("timestamp", event.occurredAt().toString());
        envelope.put("data", Map.of("data", event.payload()));
        return rows.write(envelope);
    }

    private record Pending(long id, CallId callId, String source, String body) {
    }

    /** Events applied in one transaction when all goes well; a batch that fails is applied again one by one. */
    static final int BATCH = 1000;
    /** How many calls' events one batch takes at most. */
    static final int CALLS_PER_BATCH = 50;

    @Override
    public ApplyReport applyPending(int max, Applier applier, RetryPolicy policy) {
        int applied = 0;
        int failed = 0;
        int dead = 0;
        while (applied + failed + dead < max) {
            int inBatch;
            int room = Math.min(BATCH, max - applied - failed - dead);
            try {
                inBatch = jdbc.inTransaction(c -> applyBatch(c, room, applier));
            } catch (StorageUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                // One of the batch's events cannot be applied (or its call not stored): the batch was rolled back
                // as a whole; its events are now taken one at a time, so only the failing one is retried.
                inBatch = -1;
            }
            if (inBatch == 0) {
                break;
            }
            if (inBatch > 0) {
                applied += inBatch;
                continue;
            }
            for (int i = 0; i < BATCH && applied + failed + dead < max; i++) {
                Optional<Pending> taken;
                Failure failure = new Failure();
                try {
                    taken = jdbc.inTransaction(c -> applyOldest(c, applier, failure));
                } catch (RuntimeException e) {
                    if (failure.event == null) {
                        throw e;
                    }
                    failure.error = e;
                    taken = Optional.of(failure.event);
                }
                if (taken.isEmpty()) {
                    break;
                }
                if (failure.error == null) {
                    applied++;
                } else if (isTransient(failure.error)) {
                    // a deadlock or a cancelled statement says nothing about the event: it is simply taken again
                    failed++;
                } else if (recordFailure(failure.event, failure.error, policy)) {
                    dead++;
                } else {
                    failed++;
                }
            }
        }
        return new ApplyReport(applied, failed, dead);
    }

    /**
     * Takes up to {@code limit} due events no other worker holds, locks their calls (in id order), applies each
     * call's events in order, stores each call once and marks the events applied: one transaction, a handful
     * of statements however many events. Returns how many were applied; throws if any could not be.
     */
    private int applyBatch(Connection c, int limit, Applier applier) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        // The calls of the oldest due events, and every due event of those calls: under a backlog a call is then
        // stored once for many of its events, rather than once for each (its transcript is rewritten each time).
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.call_id, i.source, i.body"
                + " FROM hamsa_event_inbox i JOIN (SELECT DISTINCT call_id FROM (SELECT call_id FROM hamsa_event_inbox"
                + " WHERE state = 'PENDING' AND due_at <= now() ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED) oldest)"
                + " calls"
                + " ON i.call_id = calls.call_id WHERE i.state = 'PENDING' AND i.due_at <= now()"
                + " ORDER BY i.id LIMIT ? FOR UPDATE OF i SKIP LOCKED")) {
            ps.setInt(1, CALLS_PER_BATCH);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), new CallId(rs.getObject(2, UUID.class)), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        Map<CallId, Call> stored = calls.lockCalls(c, batch.stream().map(Pending::callId).collect(Collectors.toSet()));
        Map<CallId, Call> next = new LinkedHashMap<>(stored);
        for (Pending pending : batch) {
            Call current = next.get(pending.callId());
            if (current == null) {
                throw new IllegalStateException("no call " + pending.callId());
            }
            next.put(pending.callId(), applier.apply(current, HamsaEvent.fromEnvelope(rows.readMap(pending.body()),
                    pending.source())));
        }
        for (Map.Entry<CallId, Call> call : next.entrySet()) {
            calls.update(c, call.getValue(), stored.get(call.getKey()).version());
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE hamsa_event_inbox SET state = 'APPLIED',"
                + " applied_at = now(), attempts = attempts + 1 WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", batch.stream().map(Pending::id).toArray()));
            ps.executeUpdate();
        }
        return batch.size();
    }

    /** The event being applied when the transaction failed, and why. */
    private static final class Failure {
        Pending event;
        Throwable error;
    }

    private Optional<Pending> applyOldest(Connection c, Applier applier, Failure failure) throws SQLException {
        Pending pending;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, call_id, source, body FROM hamsa_event_inbox"
                + " WHERE state = 'PENDING' AND due_at <= now() ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                pending = new Pending(rs.getLong(1), new CallId(rs.getObject(2, UUID.class)), rs.getString(3),
                        rs.getString(4));
            }
        }
        failure.event = pending;
        Call current = calls.lockCall(c, pending.callId())
                .orElseThrow(() -> new IllegalStateException("no call " + pending.callId()));
        HamsaEvent event = HamsaEvent.fromEnvelope(rows.readMap(pending.body()), pending.source());
        calls.update(c, applier.apply(current, event));
        try (PreparedStatement ps = c.prepareStatement("UPDATE hamsa_event_inbox SET state = 'APPLIED',"
                + " applied_at = now(), attempts = attempts + 1 WHERE id = ?")) {
            ps.setLong(1, pending.id());
            ps.executeUpdate();
        }
        return Optional.of(pending);
    }

    /** Counts a failed attempt; past the policy's limit the event moves to the dead letters. Returns whether it did. */
    private boolean recordFailure(Pending event, Throwable error, RetryPolicy policy) {
        String message = describe(error);
        return jdbc.inTransaction(c -> {
            int attempts;
            try (PreparedStatement ps = c.prepareStatement("UPDATE hamsa_event_inbox SET attempts = attempts + 1,"
                    + " last_error = ? WHERE id = ? AND state = 'PENDING' RETURNING attempts")) {
                ps.setString(1, message);
                ps.setLong(2, event.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        // applied after all (a commit whose answer was lost), or replayed meanwhile: not a failure
                        return false;
                    }
                    attempts = rs.getInt(1);
                }
            }
            if (attempts >= policy.maxAttempts()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE hamsa_event_inbox SET state = 'DEAD' WHERE id = ? AND state = 'PENDING'")) {
                    ps.setLong(1, event.id());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO hamsa_event_dead_letter"
                        + " (inbox_id, call_id, event_type, dedup_key, attempts, last_error, received_at, dead_at)"
                        + " SELECT id, call_id, event_type, dedup_key, attempts, last_error, received_at, now()"
                        + " FROM hamsa_event_inbox WHERE id = ?")) {
                    ps.setLong(1, event.id());
                    ps.executeUpdate();
                }
                LOG.errorf("Event %d for call %s failed %d times and is dead-lettered: %s", event.id(), event.callId(),
                        attempts, message);
                return true;
            }
            Duration delay = backoff(policy, attempts);
            try (PreparedStatement ps = c.prepareStatement("UPDATE hamsa_event_inbox"
                    + " SET due_at = now() + (? * interval '1 millisecond') WHERE id = ? AND state = 'PENDING'")) {
                ps.setLong(1, delay.toMillis());
                ps.setLong(2, event.id());
                ps.executeUpdate();
            }
            LOG.warnf("Event %d for call %s failed to apply (attempt %d of %d), next try in %d ms: %s", event.id(),
                    event.callId(), attempts, policy.maxAttempts(), delay.toMillis(), message);
            return false;
        });
    }

    /** Deadlocks, serialization failures and cancelled statements: the database's trouble, not the event's. */
    private static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("57014"))) {
                return true;
            }
        }
        return false;
    }

    private static Duration backoff(RetryPolicy policy, int attempts) {
        Duration delay = policy.firstDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_ERROR; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }

    @Override
    public Page<DeadLetter> deadLetters(PageRequest request) {
        long after = request.cursor().map(PostgresCallEventInbox::decodeCursor).orElse(0L);
        List<DeadLetter> found = jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT inbox_id, call_id, event_type, dedup_key, attempts,"
                    + " last_error, received_at, dead_at FROM hamsa_event_dead_letter WHERE inbox_id > ?"
                    + " ORDER BY inbox_id LIMIT ?")) {
                ps.setLong(1, after);
                ps.setInt(2, request.limit() + 1);
                List<DeadLetter> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeadLetter(rs.getLong(1), new CallId(rs.getObject(2, UUID.class)), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6), Jdbc.instant(rs.getTimestamp(7)),
                                Jdbc.instant(rs.getTimestamp(8))));
                    }
                }
                return out;
            }
        });
        List<DeadLetter> items = found.stream().limit(request.limit()).toList();
        Optional<String> next = found.size() > request.limit()
                ? Optional.of(encodeCursor(items.get(items.size() - 1).id())) : Optional.empty();
        return new Page<>(items, next);
    }

    private static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("dl:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("dl:")) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(3));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }

    @Override
    public boolean replay(long deadLetterId) {
        return jdbc.inTransaction(c -> replayWhere(c, "WHERE inbox_id = ?", deadLetterId)) > 0;
    }

    @Override
    public int replayAll() {
        return jdbc.inTransaction(c -> replayWhere(c, "", null));
    }

    private static int replayWhere(Connection c, String where, Long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH revived AS (DELETE FROM hamsa_event_dead_letter " + where
                + " RETURNING inbox_id) UPDATE hamsa_event_inbox SET state = 'PENDING', attempts = 0, due_at = now(),"
                + " last_error = NULL WHERE id IN (SELECT inbox_id FROM revived)")) {
            if (id != null) {
                ps.setLong(1, id);
            }
            return ps.executeUpdate();
        }
    }
}
