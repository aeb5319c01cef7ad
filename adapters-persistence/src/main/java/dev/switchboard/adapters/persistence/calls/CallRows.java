package dev.switchboard.adapters.persistence.calls;

import dev.switchboard.adapters.persistence.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TimelineEntry;
import dev.switchboard.domain.model.TranscriptLine;
import dev.switchboard.domain.model.VoiceAgentId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A call to and from its row. The JSON columns hold plain maps and lists, built here by hand, so Jackson needs
 * no reflection over domain types (which keeps the native image free of registrations).
 */
final class CallRows {

    static final String COLUMNS = "id, team_id, agent_id, hamsa_agent_id, channel, to_number, from_number, params,"
            + " external_id, hamsa_call_id, hamsa_conversation_id, status, transcript, recording_url, outcome,"
            + " failure_reason, duration_seconds, timeline, created_at, updated_at, dispatched_at, ended_at, version";
    /** The same columns, qualified by the alias {@code c}, for joins. */
    static final String C_COLUMNS = "c." + COLUMNS.replace(", ", ", c.");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };

    private final ObjectMapper json;

    CallRows(ObjectMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a call's JSON fields are plain maps and lists", e);
        }
    }

    Map<String, Object> readMap(String text) {
        try {
            return text == null ? null : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in a call row", e);
        }
    }

    private List<Map<String, Object>> readList(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in a call row", e);
        }
    }

    Call read(ResultSet rs) throws SQLException {
        return new Call(new CallId(rs.getObject("id", UUID.class)), new TeamId(rs.getObject("team_id", UUID.class)),
                new VoiceAgentId(rs.getObject("agent_id", UUID.class)), new HamsaAgentId(rs.getString("hamsa_agent_id")),
                CallChannel.valueOf(rs.getString("channel")), rs.getString("to_number"), rs.getString("from_number"),
                readMap(rs.getString("params")), rs.getString("external_id"), rs.getString("hamsa_call_id"),
                rs.getString("hamsa_conversation_id"), CallStatus.valueOf(rs.getString("status")),
                transcript(readList(rs.getString("transcript"))), rs.getString("recording_url"),
                readMap(rs.getString("outcome")), rs.getString("failure_reason"),
                (Integer) rs.getObject("duration_seconds"), timeline(readList(rs.getString("timeline"))),
                Jdbc.instant(rs.getTimestamp("created_at")), Jdbc.instant(rs.getTimestamp("updated_at")),
                Jdbc.instant(rs.getTimestamp("dispatched_at")), Jdbc.instant(rs.getTimestamp("ended_at")),
                rs.getLong("version"));
    }

    /** Binds the columns that change after a call is stored, then its id and previous version: see {@link #UPDATE}. */
    static final String UPDATE = "UPDATE call SET hamsa_call_id = ?, hamsa_conversation_id = ?, status = ?, transcript = ?::jsonb,"
            + " recording_url = ?, outcome = ?::jsonb, failure_reason = ?, duration_seconds = ?, timeline = ?::jsonb,"
            + " updated_at = ?, dispatched_at = ?, ended_at = ?, version = ? WHERE id = ? AND version = ?";

    void bindUpdate(PreparedStatement ps, Call call, long storedVersion) throws SQLException {
        ps.setString(1, call.hamsaCallId());
        ps.setString(2, call.hamsaConversationId());
        ps.setString(3, call.status().name());
        ps.setString(4, write(transcriptJson(call.transcript())));
        ps.setString(5, call.recordingUrl());
        ps.setString(6, call.outcome() == null ? null : write(call.outcome()));
        ps.setString(7, call.failureReason());
        if (call.durationSeconds() == null) {
            ps.setNull(8, Types.INTEGER);
        } else {
            ps.setInt(8, call.durationSeconds());
        }
        ps.setString(9, write(timelineJson(call.timeline())));
        ps.setTimestamp(10, Jdbc.ts(call.updatedAt()));
        ps.setTimestamp(11, Jdbc.ts(call.dispatchedAt()));
        ps.setTimestamp(12, Jdbc.ts(call.endedAt()));
        ps.setLong(13, call.version());
        ps.setObject(14, call.id().value());
        ps.setLong(15, storedVersion);
    }

    static final String INSERT = "INSERT INTO call (" + COLUMNS + ", webhook_secret_sealed, webhook_secret_digest)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)";

    void bindInsert(PreparedStatement ps, Call call, String sealedSecret, String digest) throws SQLException {
        ps.setObject(1, call.id().value());
        ps.setObject(2, call.team().value());
        ps.setObject(3, call.agentId().value());
        ps.setString(4, call.hamsaAgentId().value());
        ps.setString(5, call.channel().name());
        ps.setString(6, call.toNumber());
        ps.setString(7, call.fromNumber());
        ps.setString(8, write(call.params()));
        ps.setString(9, call.externalId());
        ps.setString(10, call.hamsaCallId());
        ps.setString(11, call.hamsaConversationId());
        ps.setString(12, call.status().name());
        ps.setString(13, write(transcriptJson(call.transcript())));
        ps.setString(14, call.recordingUrl());
        ps.setString(15, call.outcome() == null ? null : write(call.outcome()));
        ps.setString(16, call.failureReason());
        if (call.durationSeconds() == null) {
            ps.setNull(17, Types.INTEGER);
        } else {
            ps.setInt(17, call.durationSeconds());
        }
        ps.setString(18, write(timelineJson(call.timeline())));
        ps.setTimestamp(19, Jdbc.ts(call.createdAt()));
        ps.setTimestamp(20, Jdbc.ts(call.updatedAt()));
        ps.setTimestamp(21, Jdbc.ts(call.dispatchedAt()));
        ps.setTimestamp(22, Jdbc.ts(call.endedAt()));
        ps.setLong(23, call.version());
        ps.setString(24, sealedSecret);
        ps.setString(25, digest);
    }

    private static List<Map<String, Object>> transcriptJson(List<TranscriptLine> lines) {
        List<Map<String, Object>> out = new ArrayList<>(lines.size());
        for (TranscriptLine line : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("speaker", line.speaker());
            m.put("text", line.text());
            m.put("index", line.index());
            m.put("at", line.at() == null ? null : line.at().toString());
            out.add(m);
        }
        return out;
    }

    private static List<TranscriptLine> transcript(List<Map<String, Object>> rows) {
        List<TranscriptLine> out = new ArrayList<>(rows.size());
        for (Map<String, Object> m : rows) {
            out.add(new TranscriptLine((String) m.get("speaker"), (String) m.get("text"),
                    m.get("index") instanceof Number n ? n.intValue() : null,
                    m.get("at") instanceof String at ? Instant.parse(at) : null));
        }
        return out;
    }

    private static List<Map<String, Object>> timelineJson(List<TimelineEntry> entries) {
        List<Map<String, Object>> out = new ArrayList<>(entries.size());
        for (TimelineEntry entry : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", entry.event());
            m.put("at", entry.at().toString());
            m.put("detail", entry.detail());
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<TimelineEntry> timeline(List<Map<String, Object>> rows) {
        List<TimelineEntry> out = new ArrayList<>(rows.size());
        for (Map<String, Object> m : rows) {
            out.add(new TimelineEntry((String) m.get("event"), Instant.parse((String) m.get("at")),
                    (Map<String, Object>) m.get("detail")));
        }
        return out;
    }
}
