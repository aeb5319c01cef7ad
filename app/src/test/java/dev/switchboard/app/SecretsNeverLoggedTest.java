package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after the other Quarkus tests (see junit-platform.properties) and reads everything the test
 * application logged, at every level, while they sent real Hamsa requests and provoked every failure.
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
        assertThat(content).as("the log has content from the API tests").contains("Hamsa");
        assertThat(content).doesNotContain(key);
    }
}
