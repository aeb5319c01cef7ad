package dev.switchboard.app.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.HamsaSimulator;
import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.WebhookDelivery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Postgres goes away while Hamsa is delivering a call's events: the receiver answers 503, so Hamsa sends them
 * again, and once Postgres is back every event is applied exactly once.
 */
@QuarkusTest
@TestProfile(PostgresBehindProxy.class)
class PostgresOutageTest {

    @Inject
    DataSource db;

    @AfterEach
    void databaseBack() {
        if (!isListening()) {
            PostgresBehindProxy.restore();
        }
    }

    private static boolean isListening() {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", PostgresBehindProxy.PROXY_PORT)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void events_refused_with_503_while_postgres_is_down_are_all_applied_once_after_it_returns() throws Exception {
        HamsaSimulator hamsa = SandboxHamsa.calm();
        // Hamsa keeps trying for a while when it gets no 2xx; the call plays slowly enough to be cut mid-way.
        hamsa.setCallScript(SandboxHamsa.FAST_CALLS.withStepDelayMillis(250).withRetries(20, 200));
        TestTeam team = TestTeams.withAllScopes();
        String agentId = team.postAgent("Outage").then().statusCode(201).extract().path("id");
        String callId = CallTestSupport.place(team, agentId, Map.of()).getString("id");
        SimulatedCall onHamsa = CallTestSupport.onHamsa(hamsa, callId);

        PostgresBehindProxy.cut();
        await().atMost(Duration.ofSeconds(20)).until(() -> hamsa.webhookDeliveries().stream()
                .anyMatch(d -> d.callId().equals(onHamsa.jobId()) && d.status() == 503));
        Thread.sleep(1_500);
        PostgresBehindProxy.restore();

        JsonPath call = CallTestSupport.awaitStatus(team, callId, "COMPLETED");
        assertThat(hamsa.awaitWebhooksIdle(Duration.ofSeconds(60))).isTrue();
        List<WebhookDelivery> deliveries = hamsa.webhookDeliveries().stream()
                .filter(d -> d.callId().equals(onHamsa.jobId())).toList();
        assertThat(deliveries).anyMatch(d -> d.status() == 503);
        assertThat(deliveries.stream().filter(WebhookDelivery::delivered).map(d -> d.eventType() + d.timestamp()).distinct())
                .as("every event was acknowledged in the end").hasSize(8);
        assertThat(CallTestSupport.inboxRows(db, callId)).isEqualTo(8);
        call = CallTestSupport.get(team, callId);
        List<String> hamsaEvents = call.getList("timeline.event", String.class).stream().filter(e -> e.contains(".")).toList();
        assertThat(hamsaEvents).containsExactlyInAnyOrder("call.started", "call.answered", "tool.executed", "call.ended");
        assertThat(call.getList("transcript")).hasSize(4);
    }
}
