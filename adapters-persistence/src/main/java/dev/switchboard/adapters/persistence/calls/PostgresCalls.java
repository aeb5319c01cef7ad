package dev.switchboard.adapters.persistence.calls;

import dev.switchboard.adapters.persistence.Jdbc;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapters.persistence.KeysetCursor;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallNotCancellableException;
import dev.switchboard.domain.model.CallNotFoundException;
import dev.switchboard.domain.model.DispatchJob;
import dev.switchboard.domain.model.DuplicateCallExternalIdException;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebhookTarget;
import dev.switchboard.domain.port.out.CallDispatchQueue;
import dev.switchboard.domain.port.out.CallRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Calls and their dispatch jobs on Postgres. One class for both ports, because a call and its job are written
 * together (placing, cancelling, finishing a dispatch) and must share a transaction.
 */
@ApplicationScoped
public class PostgresCalls implements CallRepository, CallDispatchQueue {

    private static final String EXTERNAL_ID_KEY = "call_team_external_id_key";
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Webhook targets of calls Hamsa is playing, so a delivery costs one insert rather than a read and an insert.
     * A target never changes once Hamsa's call id is in it, so it is kept only from then on.
     */
    static final int MAX_TARGETS = 50_000;
    private final KeptRows<CallId, WebhookTarget> targets = new KeptRows<>(MAX_TARGETS);

    private final Jdbc jdbc;
    private final CallRows rows;

    PostgresCalls(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new Jdbc(dataSource);
        this.rows = new CallRows(json);
    }

    @Override
    public void insertQueued(Call call, String sealedSecret, String secretDigest) {
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(CallRows.INSERT)) {
                    rows.bindInsert(ps, call, sealedSecret, secretDigest);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO call_dispatch_job (call_id, due_at, created_at) VALUES (?, ?, ?)")) {
                    ps.setObject(1, call.id().value());
                    ps.setTimestamp(2, Jdbc.ts(call.createdAt()));
                    ps.setTimestamp(3, Jdbc.ts(call.createdAt()));
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (call.externalId() != null && violates(e, EXTERNAL_ID_KEY)) {
                CallId winner = findIdByExternalId(call.team(), call.externalId()).orElseThrow(() -> e);
                throw new DuplicateCallExternalIdException(call.externalId(), winner);
            }
            throw e;
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private Optional<CallId> findIdByExternalId(TeamId team, String externalId) {
        return jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM call WHERE team_id = ? AND external_id = ?")) {
                ps.setObject(1, team.value());
                ps.setString(2, externalId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new CallId(rs.getObject(1, UUID.class))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Call> findById(TeamId team, CallId id) {
        return jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + CallRows.COLUMNS + " FROM call WHERE id = ? AND team_id = ?")) {
                ps.setObject(1, id.value());
                ps.setObject(2, team.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rows.read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page<Call> list(TeamId team, CallFilter filter, PageRequest request) {
        Optional<KeysetCursor> after = request.cursor().map(KeysetCursor::decode);
        StringBuilder sql = new StringBuilder("SELECT " + CallRows.COLUMNS + " FROM call WHERE team_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(team.value());
        filter.agent().ifPresent(a -> { sql.append(" AND agent_id = ?"); args.add(a.value()); });
        filter.status().ifPresent(s -> { sql.append(" AND status = ?"); args.add(s.name()); });
        filter.externalId().ifPresent(x -> { sql.append(" AND external_id = ?"); args.add(x); });
        filter.createdFrom().ifPresent(t -> { sql.append(" AND created_at >= ?"); args.add(Jdbc.ts(t)); });
        filter.createdTo().ifPresent(t -> { sql.append(" AND created_at < ?"); args.add(Jdbc.ts(t)); });
        after.ifPresent(k -> {
            sql.append(" AND (created_at, id) < (?, ?)");
            args.add(Jdbc.ts(k.createdAt()));
            args.add(k.id());
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(request.limit() + 1);
        List<Call> found = jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<Call> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rows.read(rs));
                    }
                }
                return out;
            }
        });
        return KeysetCursor.page(found, request.limit(), call -> new KeysetCursor(call.createdAt(), call.id().value()));
    }

    @Override
    public Call cancel(TeamId team, CallId id, UnaryOperator<Call> cancel) {
        return jdbc.inTransaction(c -> {
            // The job first, then the call: the order a dispatch worker takes them in, so the two never deadlock.
            // A job being sent, or one an earlier attempt may have sent, is past cancelling: Hamsa may have the call.
            boolean leased = false;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT leased_until > now() OR attempts > 0 FROM call_dispatch_job j JOIN call ON call.id = j.call_id"
                            + " WHERE j.call_id = ? AND call.team_id = ? FOR UPDATE OF j")) {
                ps.setObject(1, id.value());
                ps.setObject(2, team.value());
                try (ResultSet rs = ps.executeQuery()) {
                    leased = rs.next() && rs.getBoolean(1);
                }
            }
            Call current = lockCall(c, id).filter(call -> call.team().equals(team))
                    .orElseThrow(() -> new CallNotFoundException(id.toString()));
            if (leased) {
                throw new CallNotCancellableException(id, current.status());
            }
            Call next = cancel.apply(current);
            update(c, next);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM call_dispatch_job WHERE call_id = ?")) {
                ps.setObject(1, id.value());
                ps.executeUpdate();
            }
            return next;
        });
    }

    Optional<Call> lockCall(Connection c, CallId id) throws SQLException {
        return Optional.ofNullable(lockCalls(c, List.of(id)).get(id));
    }

    void update(Connection c, Call next) throws SQLException {
        update(c, next, next.version() - 1);
    }

    /** Stores {@code next} over the version that is stored now (several changes may lie between them). */
    void update(Connection c, Call next, long storedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CallRows.UPDATE)) {
            rows.bindUpdate(ps, next, storedVersion);
            if (ps.executeUpdate() != 1) {
                // Every writer of a call holds its row lock, so this is a bug, not a race.
                throw new IllegalStateException("call " + next.id() + " is not at version " + storedVersion);
            }
        }
    }

    /** Locks these calls in id order (so two workers never wait on each other in a circle) and reads them. */
    Map<CallId, Call> lockCalls(Connection c, Collection<CallId> ids) throws SQLException {
        List<UUID> sorted = ids.stream().map(CallId::value).sorted().toList();
        Map<CallId, Call> locked = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CallRows.COLUMNS
                + " FROM call WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("uuid", sorted.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Call call = rows.read(rs);
                    locked.put(call.id(), call);
                }
            }
        }
        return locked;
    }

    @Override
    public Optional<WebhookTarget> webhookTarget(CallId id) {
        WebhookTarget known = targets.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<WebhookTarget> found = jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT hamsa_agent_id, hamsa_call_id, webhook_secret_digest FROM call WHERE id = ?")) {
                // the receiver answers within Hamsa's 5 s: a database that hangs is a 503, not a stuck request
                ps.setQueryTimeout(3);
                ps.setObject(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    // An adopted call has no secret of its own: its events come through its agent's webhook.
                    return rs.next() && rs.getString(3) != null
                            ? Optional.of(new WebhookTarget(id, new HamsaAgentId(rs.getString(1)), rs.getString(2),
                                    rs.getString(3)))
                            : Optional.empty();
                }
            }
        });
        // Kept only once Hamsa's call id is known: from then on nothing in a target ever changes.
        found.filter(t -> t.hamsaCallId() != null).ifPresent(t -> targets.keep(id, t));
        return found;
    }

    @Override
    public CallId adopt(Call adopted) {
        // Not cached: should a race adopt a twin of a web conversation Switchboard placed, the placed call wins as
        // soon as it holds Hamsa's id (see callOf), and a cache would keep naming the twin.
        return jdbc.autocommit(c -> {
            Optional<CallId> existing = callOf(c, adopted.hamsaAgentId(), adopted.hamsaCallId());
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement ps = c.prepareStatement(CallRows.INSERT
                    + " ON CONFLICT (hamsa_agent_id, hamsa_call_id)"
                    + " WHERE hamsa_call_id IS NOT NULL AND webhook_secret_digest IS NULL DO NOTHING")) {
                ps.setQueryTimeout(3);
                rows.bindInsert(ps, adopted, null, null);
                ps.executeUpdate();
            }
            // Stored now, or by a delivery that raced this one: either way, one call.
            return callOf(c, adopted.hamsaAgentId(), adopted.hamsaCallId())
                    .orElseThrow(() -> new IllegalStateException("adopted call " + adopted.hamsaCallId() + " not stored"));
        });
    }

    private static Optional<CallId> callOf(Connection c, HamsaAgentId agent, String hamsaCallId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM call WHERE hamsa_agent_id = ?"
                + " AND (hamsa_call_id = ? OR hamsa_conversation_id = ?)"
                // a call Switchboard placed before any adopted twin a race may have made
                + " ORDER BY (webhook_secret_digest IS NULL), created_at, id LIMIT 1")) {
            ps.setQueryTimeout(3);
            ps.setString(1, agent.value());
            ps.setString(2, hamsaCallId);
            ps.setString(3, hamsaCallId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CallId(rs.getObject(1, UUID.class))) : Optional.empty();
            }
        }
    }


    @Override
    public List<Call> claimOverdue(Instant dispatchedBefore, int max, Instant nextCheck) {
        return jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE call SET reconcile_after = ? WHERE id IN ("
                    + " SELECT id FROM call WHERE ended_at IS NULL AND hamsa_call_id IS NOT NULL AND dispatched_at < ?"
                    + " AND (reconcile_after IS NULL OR reconcile_after <= now())"
                    + " ORDER BY dispatched_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + CallRows.COLUMNS)) {
                ps.setTimestamp(1, Jdbc.ts(nextCheck));
                ps.setTimestamp(2, Jdbc.ts(dispatchedBefore));
                ps.setInt(3, max);
                List<Call> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rows.read(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<DispatchJob> lease(int max, String owner, Duration lease) {
        return jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("WITH leased AS ("
                    + " UPDATE call_dispatch_job SET leased_by = ?, leased_until = now() + (? * interval '1 millisecond'),"
                    + " attempts = attempts + 1 WHERE call_id IN (SELECT call_id FROM call_dispatch_job"
                    + " WHERE due_at <= now() AND (leased_until IS NULL OR leased_until < now())"
                    + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING call_id, attempts)"
                    + " SELECT " + CallRows.C_COLUMNS + ", c.webhook_secret_sealed, l.attempts"
                    + " FROM leased l JOIN call c ON c.id = l.call_id ORDER BY c.created_at")) {
                ps.setString(1, owner);
                ps.setLong(2, lease.toMillis());
                ps.setInt(3, max);
                List<DispatchJob> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DispatchJob(rows.read(rs), rs.getString("webhook_secret_sealed"),
                                rs.getInt("attempts"), owner));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean renew(DispatchJob job, Duration lease) {
        return jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE call_dispatch_job"
                    + " SET leased_until = now() + (? * interval '1 millisecond')"
                    + " WHERE call_id = ? AND leased_by = ? AND attempts = ? AND leased_until > now()")) {
                ps.setLong(1, lease.toMillis());
                ps.setObject(2, job.call().id().value());
                ps.setString(3, job.leaseOwner());
                ps.setInt(4, job.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean complete(DispatchJob job, UnaryOperator<Call> change) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM call_dispatch_job WHERE call_id = ? AND leased_by = ? AND attempts = ?")) {
                ps.setObject(1, job.call().id().value());
                ps.setString(2, job.leaseOwner());
                ps.setInt(3, job.attempt());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            // The call as it is now: Hamsa's first events may have been applied since the job was leased.
            Call current = lockCall(c, job.call().id()).orElseThrow(() -> new CallNotFoundException(job.call().id().toString()));
            update(c, change.apply(current));
            return true;
        });
    }

    @Override
    public void retryLater(DispatchJob job, Instant at, String error, boolean counts) {
        jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE call_dispatch_job SET due_at = ?, leased_by = NULL,"
                    + " leased_until = NULL, last_error = ?, attempts = attempts - ? WHERE call_id = ? AND leased_by = ?"
                    + " AND attempts = ?")) {
                ps.setTimestamp(1, Jdbc.ts(at));
                ps.setString(2, error);
                ps.setInt(3, counts ? 0 : 1);
                ps.setObject(4, job.call().id().value());
                ps.setString(5, job.leaseOwner());
                ps.setInt(6, job.attempt());
                return ps.executeUpdate();
            }
        });
    }
}
