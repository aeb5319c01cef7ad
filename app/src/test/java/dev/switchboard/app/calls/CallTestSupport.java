package dev.switchboard.app.calls;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.SimulatedCall;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Placing calls, reading them, and speaking as Hamsa to a call's webhook URL, for the call tests. */
final class CallTestSupport {

    private CallTestSupport() {
    }

    static JsonPath place(TestTeam team, String agentId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("agentId", agentId, "toNumber", "+14155550123",
                "params", Map.of("application_id", "12345", "user_id", "user-789")));
        body.putAll(extra);
        return given().spec(team.spec()).contentType(ContentType.JSON).body(body).post("/api/v1/calls")
                .then().statusCode(202).header("Location", notNullValue()).body("status", equalTo("QUEUED"))
                .extract().jsonPath();
    }

    static JsonPath get(TestTeam team, String id) {
        return given().spec(team.spec()).get("/api/v1/calls/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitStatus(TestTeam team, String id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(get(team, id).getString("status")));
        return get(team, id);
    }

    /** What Hamsa was told for this Switchboard call, once the call reached it. */
    static SimulatedCall onHamsa(HamsaSimulator hamsa, String callId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> hamsa.calls().stream()
                .anyMatch(c -> callId.equals(c.params().get("switchboard_call_id"))));
        return hamsa.calls().stream().filter(c -> callId.equals(c.params().get("switchboard_call_id"))).findFirst()
                .orElseThrow();
    }

    static long countOnHamsa(HamsaSimulator hamsa, String callId) {
        return hamsa.calls().stream().filter(c -> callId.equals(c.params().get("switchboard_call_id"))).count();
    }

    /** An envelope as Hamsa sends it: {@code data.data} holds the event's own fields. */
    static Map<String, Object> envelope(SimulatedCall call, String type, Instant at, Map<String, Object> fields) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventType", type);
        envelope.put("callId", call.jobId());
        envelope.put("timestamp", at.toString());
        envelope.put("projectId", "proj_simulator");
        envelope.put("agentId", call.voiceAgentId());
        envelope.put("agentName", "Caller");
        envelope.put("data", Map.of("timestamp", at.toString(), "data", fields));
        return envelope;
    }

    static Response deliver(String callId, String authorization, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.post("/webhooks/hamsa/calls/" + callId);
    }

    static long inboxRows(DataSource db, String callId) {
        return count(db, "SELECT count(*) FROM hamsa_event_inbox WHERE call_id = ?", UUID.fromString(callId));
    }

    static long count(DataSource db, String sql, Object arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
