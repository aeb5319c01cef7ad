package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after the other default-profile Quarkus tests (Quarkus' class orderer, with @Order as its
 * secondary order: see the app POM) and reads everything the test application logged, at every level,
 * while they sent real Hamsa requests, issued and used API keys, and provoked every failure.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class SecretsNeverLoggedTest {

    /** Every configured secret: Hamsa's key, the admin token, the encryption key. */
    private static final List<String> CONFIGURED_SECRETS =
            List.of("hamsa.api-key", "switchboard.admin.token", "switchboard.encryption.key");
    /** A whole team API key, whichever test issued it. */
    private static final Pattern ANY_API_KEY = Pattern.compile("sbk_[A-Za-z0-9_-]{43}");
    /** A call's webhook secret, which Hamsa presents on every delivery. */
    private static final Pattern ANY_WEBHOOK_SECRET = Pattern.compile("whs_[A-Za-z0-9_-]{43}");

    private static String log() throws Exception {
        Path log = Path.of("target/quarkus-test.log");
        assertThat(log).exists();
        String content = Files.readString(log);
        assertThat(content).as("the log holds what the failure tests provoked")
                .contains("HAMSA_UNAVAILABLE for /api/v1/agents", "Hamsa refused Switchboard's API key");
        return content;
    }

    @Test
    void no_configured_secret_appears_in_any_log_line() throws Exception {
        String content = log();
        for (String name : CONFIGURED_SECRETS) {
            String secret = ConfigProvider.getConfig().getValue(name, String.class);
            assertThat(content).as(name).doesNotContain(secret);
        }
        assertThat(content).doesNotContain("docs-shaped-key");
    }

    @Test
    void no_call_webhook_secret_appears_in_any_log_line() throws Exception {
        String content = log();
        assertThat(content).as("the log holds the webhook tests' refusals").contains("Hamsa webhook refused");
        Matcher found = ANY_WEBHOOK_SECRET.matcher(content);
        assertThat(found.find()).as("a webhook secret in the log").isFalse();
    }

    @Test
    void no_web_tool_auth_token_appears_in_any_log_line() throws Exception {
        String content = log();
        assertThat(content).as("the log holds the tool tests' creations").contains("created on Hamsa as", "auth token set");
        // WebToolApiTest gives every token this prefix; the token travels to Hamsa in the body of its requests.
        assertThat(content).doesNotContain("tooltok_");
    }

    @Test
    void no_team_api_key_appears_in_any_log_line() throws Exception {
        Matcher found = ANY_API_KEY.matcher(log());
        assertThat(found.find()).as("an API key in the log").isFalse();
    }
}
