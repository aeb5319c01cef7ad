package dev.switchboard.adapters.persistence.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapters.persistence.Jdbc;
import dev.switchboard.adapters.persistence.JsonColumns;
import dev.switchboard.adapters.persistence.TeamPages;
import dev.switchboard.adapters.persistence.KeysetCursor;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeFileKind;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeItemNotFoundException;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.KnowledgeType;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Knowledge items and team budgets on Postgres, in plain JDBC: a reservation must check the sums and insert
 * under one lock in one transaction, which is one statement each here and would be a fight with a session.
 */
@ApplicationScoped
class PostgresKnowledgeItems implements KnowledgeItemRepository {

    /**
     * The one advisory lock every reservation takes (its key is "knowledge" in ASCII): the account's quota is
     * shared by all teams, so checks of it must run one at a time, on every replica. Uploads are rare enough
     * for one lock; it is held for two sums and an insert, never across a Hamsa call.
     */
    static final long QUOTA_LOCK = 0x6b6e6f776c656467L;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, team_id, hamsa_item_id, name, type, text_content, urls, file_name,"
            + " file_kind, file_bytes, size_bytes, status, failure_reason, active, created_at, updated_at, version";

    private final Jdbc jdbc;
    private final JsonColumns json;

    PostgresKnowledgeItems(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonColumns(json);
    }

    @Override
    public void reserve(KnowledgeItem item, long defaultTeamBudgetBytes, long accountLimitBytes) {
        jdbc.inTransaction(c -> {
            lockQuota(c);
            storage(c, item.team(), defaultTeamBudgetBytes, accountLimitBytes).checkFits(item.sizeBytes());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO knowledge_item (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, item);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void update(KnowledgeItem item) {
        jdbc.inTransaction(c -> {
            write(c, item);
            return null;
        });
    }

    @Override
    public void updateWithin(KnowledgeItem item, long defaultTeamBudgetBytes, long accountLimitBytes) {
        jdbc.inTransaction(c -> {
            lockQuota(c);
            long before = find(c, item.team(), item.id()).map(KnowledgeItem::sizeBytes)
                    .orElseThrow(() -> new KnowledgeItemNotFoundException(item.id()));
            storage(c, item.team(), defaultTeamBudgetBytes, accountLimitBytes).checkFits(item.sizeBytes() - before);
            write(c, item);
            return null;
        });
    }

    private void write(Connection c, KnowledgeItem item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE knowledge_item SET hamsa_item_id = ?, name = ?,"
                + " text_content = ?, urls = CAST(? AS jsonb), file_name = ?, file_kind = ?, file_bytes = ?, size_bytes = ?,"
                + " status = ?, failure_reason = ?, active = ?, updated_at = ?, version = ?"
                + " WHERE id = ? AND team_id = ? AND version = ?")) {
            int i = 1;
            ps.setString(i++, item.hamsaItemId());
            ps.setString(i++, item.name());
            i = bindContent(ps, i, item.content());
            ps.setLong(i++, item.sizeBytes());
            ps.setString(i++, item.status().name());
            ps.setString(i++, item.failureReason());
            ps.setBoolean(i++, item.active());
            ps.setTimestamp(i++, Jdbc.ts(item.updatedAt()));
            ps.setLong(i++, item.version());
            ps.setObject(i++, item.id().value());
            ps.setObject(i++, item.team().value());
            ps.setLong(i, item.version() - 1);
            if (ps.executeUpdate() == 0) {
                if (find(c, item.team(), item.id()).isEmpty()) {
                    throw new KnowledgeItemNotFoundException(item.id());
                }
                throw new ConcurrentUpdateException("knowledge item", item.id().toString(), item.version() - 1);
            }
        }
    }

    @Override
    public void delete(TeamId team, KnowledgeItemId id) {
        jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM knowledge_item WHERE id = ? AND team_id = ?")) {
                ps.setObject(1, id.value());
                ps.setObject(2, team.value());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<KnowledgeItem> findById(TeamId team, KnowledgeItemId id) {
        return jdbc.autocommit(c -> find(c, team, id));
    }

    private Optional<KnowledgeItem> find(Connection c, TeamId team, KnowledgeItemId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM knowledge_item WHERE id = ? AND team_id = ?")) {
            ps.setObject(1, id.value());
            ps.setObject(2, team.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Page<KnowledgeItem> list(TeamId team, PageRequest request) {
        return TeamPages.oldestFirst(jdbc, "knowledge_item", COLUMNS, team, request, this::read,
                item -> new KeysetCursor(item.createdAt(), item.id().value()));
    }

    @Override
    public List<KnowledgeItem> settling(int max) {
        // SKIP LOCKED: replicas asking at once take different items rather than wait for each other.
        List<KnowledgeItem> claimed = jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE knowledge_item SET checked_at = now() WHERE id IN ("
                    + "SELECT id FROM knowledge_item WHERE status IN ('PENDING', 'PROCESSING') AND hamsa_item_id IS NOT NULL"
                    + " ORDER BY coalesce(checked_at, updated_at), updated_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                    + " RETURNING " + COLUMNS)) {
                ps.setInt(1, max);
                return readAll(ps);
            }
        });
        return claimed.stream().sorted(java.util.Comparator.comparing(KnowledgeItem::updatedAt)
                .thenComparing(i -> i.id().value())).toList();
    }

    @Override
    public KnowledgeStorage storage(TeamId team, long defaultTeamBudgetBytes, long accountLimitBytes) {
        return jdbc.autocommit(c -> storage(c, team, defaultTeamBudgetBytes, accountLimitBytes));
    }

    private static KnowledgeStorage storage(Connection c, TeamId team, long defaultBudget, long accountLimit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT"
                + " (SELECT coalesce(sum(size_bytes), 0) FROM knowledge_item WHERE team_id = ?),"
                + " (SELECT budget_bytes FROM knowledge_budget WHERE team_id = ?),"
                + " (SELECT coalesce(sum(size_bytes), 0) FROM knowledge_item)")) {
            ps.setObject(1, team.value());
            ps.setObject(2, team.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long teamUsed = rs.getLong(1);
                long budget = rs.getLong(2);
                if (rs.wasNull()) {
                    budget = defaultBudget;
                }
                return new KnowledgeStorage(teamUsed, budget, rs.getLong(3), accountLimit);
            }
        }
    }

    @Override
    public void setTeamBudget(TeamId team, Long budgetBytes) {
        jdbc.autocommit(c -> {
            String sql = budgetBytes == null ? "DELETE FROM knowledge_budget WHERE team_id = ?"
                    : "INSERT INTO knowledge_budget (team_id, budget_bytes) VALUES (?, ?)"
                    + " ON CONFLICT (team_id) DO UPDATE SET budget_bytes = EXCLUDED.budget_bytes";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, team.value());
                if (budgetBytes != null) {
                    ps.setLong(2, budgetBytes);
                }
                return ps.executeUpdate();
            }
        });
    }

    private static void lockQuota(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, QUOTA_LOCK);
            ps.execute();
        }
    }

    private void bind(PreparedStatement ps, KnowledgeItem item) throws SQLException {
        int i = 1;
        ps.setObject(i++, item.id().value());
        ps.setObject(i++, item.team().value());
        ps.setString(i++, item.hamsaItemId());
        ps.setString(i++, item.name());
        ps.setString(i++, item.type().name());
        i = bindContent(ps, i, item.content());
        ps.setLong(i++, item.sizeBytes());
        ps.setString(i++, item.status().name());
        ps.setString(i++, item.failureReason());
        ps.setBoolean(i++, item.active());
        ps.setTimestamp(i++, Jdbc.ts(item.createdAt()));
        ps.setTimestamp(i++, Jdbc.ts(item.updatedAt()));
        ps.setLong(i, item.version());
    }

    /** text_content, urls, file_name, file_kind, file_bytes, from index {@code i}; returns the next index. */
    private int bindContent(PreparedStatement ps, int i, KnowledgeContent content) throws SQLException {
        ps.setString(i, content instanceof KnowledgeContent.Text t ? t.text() : null);
        ps.setString(i + 1, content instanceof KnowledgeContent.Urls u ? toJson(u.urls().stream().map(URI::toString).toList()) : null);
        if (content instanceof KnowledgeContent.File f) {
            ps.setString(i + 2, f.fileName());
            ps.setString(i + 3, f.kind().name());
            ps.setLong(i + 4, f.sizeBytes());
        } else {
            ps.setNull(i + 2, Types.VARCHAR);
            ps.setNull(i + 3, Types.VARCHAR);
            ps.setNull(i + 4, Types.BIGINT);
        }
        return i + 5;
    }

    private List<KnowledgeItem> readAll(PreparedStatement ps) throws SQLException {
        List<KnowledgeItem> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(read(rs));
            }
        }
        return items;
    }

    private KnowledgeItem read(ResultSet rs) throws SQLException {
        KnowledgeType type = KnowledgeType.valueOf(rs.getString("type"));
        KnowledgeContent content = switch (type) {
            case TEXT -> new KnowledgeContent.Text(rs.getString("text_content"));
            case URL -> new KnowledgeContent.Urls(fromJson(rs.getString("urls")).stream().map(URI::create).toList());
            case FILE -> new KnowledgeContent.File(rs.getString("file_name"),
                    KnowledgeFileKind.valueOf(rs.getString("file_kind")), rs.getLong("file_bytes"));
        };
        return new KnowledgeItem(new KnowledgeItemId(rs.getObject("id", UUID.class)),
                new TeamId(rs.getObject("team_id", UUID.class)), rs.getString("hamsa_item_id"), rs.getString("name"),
                content, rs.getLong("size_bytes"), KnowledgeStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"), rs.getBoolean("active"), Jdbc.instant(rs.getTimestamp("created_at")),
                Jdbc.instant(rs.getTimestamp("updated_at")), rs.getLong("version"));
    }

    private String toJson(Object value) {
        return json.write(value);
    }

    private List<String> fromJson(String text) {
        return json.read(text, STRINGS);
    }
}
