package dev.switchboard.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.service.OutboundUrlGuard;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard as the application wires it, with the system resolver: the test profile allows http, never an inside address. */
@QuarkusTest
class OutboundUrlGuardWiringTest {

    @Inject
    OutboundUrlGuard guard;

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1", "http://169.254.169.254/latest/meta-data", "https://10.0.0.1",
            "http://localhost:8080/hook", "https://user:hunter2-secret@example.com", "file:///etc/passwd", "http://[::1]/",
            "http://2130706433/", "gopher://example.com/"})
    void hostile_urls_are_refused_by_the_wired_guard(String url) {
        assertThatThrownBy(() -> guard.check("url", url)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/tools", "https://8.8.8.8/"})
    void public_addresses_pass_and_the_test_profile_allows_plain_http(String url) {
        assertThat(guard.check("url", url).toString()).isEqualTo(url);
    }
}
