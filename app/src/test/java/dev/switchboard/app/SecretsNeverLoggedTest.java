package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after the other default-profile Quarkus tests (Quarkus' class orderer, with @Order as its
 * secondary order: see the app POM) and reads everything the test application logged, at every level,
 * while they sent real Hamsa requests and provoked every failure.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class SecretsNeverLoggedTest {

    @Test
    void the_hamsa_api_key_appears_in_no_log_line() throws Exception {
        String key = ConfigProvider.getConfig().getValue("hamsa.api-key", String.class);
        Path log = Path.of("target/quarkus-test.log");

        assertThat(log).exists();
        String content = Files.readString(log);
        assertThat(content).as("the log holds what the failure tests provoked")
                .contains("HAMSA_UNAVAILABLE for /api/v1/agents", "Hamsa refused Switchboard's API key");
        assertThat(content).doesNotContain(key).doesNotContain("docs-shaped-key");
    }
}
