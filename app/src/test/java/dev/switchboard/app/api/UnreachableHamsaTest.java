package dev.switchboard.app.api;

import static dev.switchboard.app.api.VoiceAgentApiTest.agentBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hamsa that cannot be reached at all (nothing listens on its port): 503, never a 500. */
@QuarkusTest
@TestProfile(UnreachableHamsaTest.NobodyListening.class)
class UnreachableHamsaTest {

    public static class NobodyListening implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.hamsa.sandbox.enabled", "false",
                    "hamsa.base-url", "http://127.0.0.1:" + closedPort(),
                    "hamsa.api-key", "unused-key");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void aTeam() {
        TestTeams.withAllScopes().useByDefault();
    }

    @AfterEach
    void forgetTeam() {
        TestTeams.forget();
    }

    @Test
    void a_write_while_hamsa_is_unreachable_is_503_with_retry_after_and_no_internals() {
        String body = given().contentType(ContentType.JSON).body(agentBody("Nobody home"))
                .when().post("/api/v1/agents")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("HAMSA_UNAVAILABLE"))
                .body("hamsa", nullValue())
                .extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("127.0.0.1").doesNotContain("refused");
    }

    @Test
    void reads_still_work_while_hamsa_is_unreachable() {
        given().when().get("/api/v1/agents").then().statusCode(200);
    }
}
