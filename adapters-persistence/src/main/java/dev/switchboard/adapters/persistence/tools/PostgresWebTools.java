package dev.switchboard.adapters.persistence.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapters.persistence.Jdbc;
import dev.switchboard.adapters.persistence.JsonColumns;
import dev.switchboard.adapters.persistence.TeamPages;
import dev.switchboard.adapters.persistence.KeysetCursor;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.model.WebToolKind;
import dev.switchboard.domain.model.WebToolNameTakenException;
import dev.switchboard.domain.model.WebToolNotFoundException;
import dev.switchboard.domain.port.out.WebToolRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Web tools on Postgres, in plain JDBC like the other tables with JSON columns. */
@ApplicationScoped
class PostgresWebTools implements WebToolRepository {

    private static final String NAME_KEY = "web_tool_team_name_key";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, team_id, hamsa_tool_id, kind, name, description, server_url, method,"
            + " timeout_seconds, headers, path_parameters, params, sealed_auth_token, active, created_at, updated_at, version";

    private final Jdbc jdbc;
    private final JsonColumns json;

    PostgresWebTools(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonColumns(json);
    }

    @Override
    public void insert(WebTool tool) {
        try {
            jdbc.autocommit(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_tool (" + COLUMNS + ") VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?)")) {
                    int i = 1;
                    ps.setObject(i++, tool.id().value());
                    ps.setObject(i++, tool.team().value());
                    ps.setString(i++, tool.hamsaToolId());
                    i = bindDefinition(ps, i, tool);
                    ps.setTimestamp(i++, Jdbc.ts(tool.createdAt()));
                    ps.setTimestamp(i++, Jdbc.ts(tool.updatedAt()));
                    ps.setLong(i, tool.version());
                    return ps.executeUpdate();
                }
            });
        } catch (IllegalStateException e) {
            throw nameTaken(e, tool);
        }
    }

    @Override
    public void update(WebTool tool) {
        try {
            jdbc.autocommit(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE web_tool SET kind = ?, name = ?, description = ?,"
                        + " server_url = ?, method = ?, timeout_seconds = ?, headers = CAST(? AS jsonb),"
                        + " path_parameters = CAST(? AS jsonb), params = CAST(? AS jsonb), sealed_auth_token = ?, active = ?,"
                        + " updated_at = ?, version = ? WHERE id = ? AND team_id = ? AND version = ?")) {
                    int i = bindDefinition(ps, 1, tool);
                    ps.setTimestamp(i++, Jdbc.ts(tool.updatedAt()));
                    ps.setLong(i++, tool.version());
                    ps.setObject(i++, tool.id().value());
                    ps.setObject(i++, tool.team().value());
                    ps.setLong(i, tool.version() - 1);
                    if (ps.executeUpdate() == 0) {
                        if (find(c, "id = ?", tool.team(), tool.id().value()).isEmpty()) {
                            throw new WebToolNotFoundException(tool.id());
                        }
                        throw new ConcurrentUpdateException("web tool", tool.id().toString(), tool.version() - 1);
                    }
                    return null;
                }
            });
        } catch (IllegalStateException e) {
            throw nameTaken(e, tool);
        }
    }

    /** Lost a race for a name with another request: name the winner. */
    private RuntimeException nameTaken(IllegalStateException e, WebTool tool) {
        if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                && String.valueOf(sql.getMessage()).contains(NAME_KEY)) {
            String name = tool.definition().name();
            return findByName(tool.team(), name)
                    .<RuntimeException>map(winner -> new WebToolNameTakenException(name, winner.id()))
                    .orElse(e);
        }
        return e;
    }

    @Override
    public Optional<WebTool> findById(TeamId team, WebToolId id) {
        return jdbc.autocommit(c -> find(c, "id = ?", team, id.value()));
    }

    @Override
    public Optional<WebTool> findByName(TeamId team, String name) {
        return jdbc.autocommit(c -> find(c, "name = ?", team, name));
    }

    private Optional<WebTool> find(Connection c, String condition, TeamId team, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM web_tool WHERE team_id = ? AND " + condition)) {
            ps.setObject(1, team.value());
            ps.setObject(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Page<WebTool> list(TeamId team, PageRequest request) {
        return TeamPages.oldestFirst(jdbc, "web_tool", COLUMNS, team, request, this::read,
                t -> new KeysetCursor(t.createdAt(), t.id().value()));
    }

    /** kind .. active, from index {@code i}; returns the next index. */
    private int bindDefinition(PreparedStatement ps, int i, WebTool tool) throws SQLException {
        WebToolDefinition d = tool.definition();
        ps.setString(i++, d.kind().name());
        ps.setString(i++, d.name());
        ps.setString(i++, d.description());
        ps.setString(i++, d.serverUrl());
        ps.setString(i++, d.method().name());
        ps.setInt(i++, d.timeoutSeconds());
        ps.setString(i++, toJson(d.headers()));
        ps.setString(i++, toJson(d.pathParameters()));
        ps.setString(i++, toJson(d.params()));
        ps.setString(i++, tool.sealedAuthToken());
        ps.setBoolean(i++, tool.active());
        return i;
    }

    private WebTool read(ResultSet rs) throws SQLException {
        WebToolDefinition definition = new WebToolDefinition(WebToolKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("description"), rs.getString("server_url"),
                ToolHttpMethod.valueOf(rs.getString("method")), rs.getInt("timeout_seconds"),
                fromJson(rs.getString("headers"), STRING_MAP), fromJson(rs.getString("path_parameters"), STRING_MAP),
                fromJson(rs.getString("params"), JSON_OBJECT));
        return new WebTool(new WebToolId(rs.getObject("id", UUID.class)), new TeamId(rs.getObject("team_id", UUID.class)),
                rs.getString("hamsa_tool_id"), definition, rs.getString("sealed_auth_token"), rs.getBoolean("active"),
                Jdbc.instant(rs.getTimestamp("created_at")), Jdbc.instant(rs.getTimestamp("updated_at")),
                rs.getLong("version"));
    }

    private String toJson(Object value) {
        return json.write(value);
    }

    private <T extends Map<String, ?>> T fromJson(String text, TypeReference<T> type) {
        return json.read(text, type);
    }
}
