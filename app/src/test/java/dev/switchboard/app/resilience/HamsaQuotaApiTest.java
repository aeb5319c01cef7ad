package dev.switchboard.app.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.api.SandboxHamsa;
import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Hamsa says of its quota reaches the shared quota, and every request sent is measured. */
@QuarkusTest
@TestProfile(NoBackgroundHamsaTraffic.class)
class HamsaQuotaApiTest {

    private HamsaSimulator hamsa;
    private TestTeam team;

    @BeforeEach
    void calmHamsa() {
        hamsa = SandboxHamsa.calm();
        team = TestTeams.withAllScopes();
    }

    @AfterEach
    void forgetThePause() {
        SandboxHamsa.calm();
    }

    @Test
    void hamsa_saying_its_quota_is_used_up_pauses_switchboard_before_hamsa_has_to_refuse() {
        // Switchboard's own quota (test profile) is far above this: only Hamsa's headers can stop it.
        hamsa.setRateLimit(1, Duration.ofSeconds(20));
        team.postAgent("The last one this window").then().statusCode(201);

        Response next = team.postAgent("One too many");

        assertThat(next.statusCode()).isEqualTo(503);
        assertThat(next.jsonPath().getString("code")).isEqualTo("HAMSA_BUSY");
        assertThat(Long.parseLong(next.header("Retry-After"))).isBetween(15L, 21L);
        assertThat(hamsa.recordedRequests("POST", "/v2/voice-agents")).hasSize(1);
        assertThat(hamsa.rateLimitStats().tooManyRequestsSent()).isZero();
    }

    @Test
    void every_request_sent_to_hamsa_is_measured_with_its_wait_and_hamsas_quota_report() {
        double sent = PrometheusScrape.value("switchboard_hamsa_requests_seconds_count",
                "operation=\"create-agent\"", "outcome=\"ok\"");
        double waits = PrometheusScrape.value("switchboard_hamsa_queue_wait_seconds_count", "priority=\"interactive\"");

        team.postAgent("Measured").then().statusCode(201);

        assertThat(PrometheusScrape.value("switchboard_hamsa_requests_seconds_count",
                "operation=\"create-agent\"", "outcome=\"ok\"")).isEqualTo(sent + 1);
        assertThat(PrometheusScrape.value("switchboard_hamsa_queue_wait_seconds_count", "priority=\"interactive\""))
                .isEqualTo(waits + 1);
        // the sandbox allows 100,000 a minute: what it reported after this request
        assertThat(PrometheusScrape.value("switchboard_hamsa_quota_remaining")).isBetween(0.0, 99_999.0);
    }
}
