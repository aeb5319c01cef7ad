package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a team's rows, oldest first, ties broken by id, for the tables read in plain JDBC. */
public final class TeamPages {

    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private TeamPages() {
    }

    /**
     * @param table   a table with {@code team_id}, {@code created_at} and {@code id} columns (ours, never a client's text)
     * @param columns the columns {@code reader} reads
     */
    public static <T> Page<T> oldestFirst(Jdbc jdbc, String table, String columns, TeamId team, PageRequest request,
                                          RowReader<T> reader, Function<T, KeysetCursor> sortKeys) {
        Optional<KeysetCursor> after = request.cursor().map(KeysetCursor::decode);
        List<T> found = jdbc.autocommit(c -> {
            String sql = "SELECT " + columns + " FROM " + table + " WHERE team_id = ?"
                    + (after.isPresent() ? " AND (created_at, id) > (?, ?)" : "") + " ORDER BY created_at, id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setObject(i++, team.value());
                if (after.isPresent()) {
                    ps.setTimestamp(i++, Jdbc.ts(after.get().createdAt()));
                    ps.setObject(i++, after.get().id());
                }
                // One row more than asked tells whether another page follows, without a count query.
                ps.setInt(i, request.limit() + 1);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
                return rows;
            }
        });
        return KeysetCursor.page(found, request.limit(), sortKeys);
    }
}
