package dev.switchboard.app.sandbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.KnowledgeLimits;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HamsaSandboxTest {

    private static final KnowledgeLimits LIMITS = new KnowledgeLimits(1024, 1 << 20, 1 << 20);

    private static SwitchboardConfig sandbox(boolean enabled) {
        SwitchboardConfig.Sandbox sandbox = new SwitchboardConfig.Sandbox() {
            public boolean enabled() { return enabled; }
            public int port() { return 0; }
            public String apiKey() { return "k"; }
            public int rateLimit() { return 100; }
            public Duration rateWindow() { return Duration.ofMinutes(1); }
            public Duration knowledgeProcessingDelay() { return Duration.ofSeconds(2); }
        };
        return new SwitchboardConfig() {
            public Hamsa hamsa() { return () -> sandbox; }
            public Api api() { throw new UnsupportedOperationException(); }
            public Admin admin() { throw new UnsupportedOperationException(); }
            public Idempotency idempotency() { throw new UnsupportedOperationException(); }
            public OutboundUrls outboundUrls() { throw new UnsupportedOperationException(); }
            public Upstream upstream() { throw new UnsupportedOperationException(); }

            @Override
            public Calls calls() { throw new UnsupportedOperationException(); }

            @Override
            public Knowledge knowledge() { throw new UnsupportedOperationException(); }
        };
    }

    @Test
    void without_sandbox_and_without_a_key_startup_fails_saying_what_to_set() {
        HamsaSandbox startup = new HamsaSandbox(sandbox(false), Optional.empty(), LIMITS);

        assertThatThrownBy(() -> startup.start(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HAMSA_API_KEY")
                .hasMessageContaining("SWITCHBOARD_HAMSA_SANDBOX_ENABLED");
    }

    @Test
    void without_sandbox_a_configured_key_is_enough_and_no_simulator_runs() {
        HamsaSandbox startup = new HamsaSandbox(sandbox(false), Optional.of("sk_live_x"), LIMITS);

        assertThatCode(() -> startup.start(null)).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(startup.simulator()).isEmpty();
    }

    @Test
    void with_sandbox_the_simulator_runs_until_shutdown() {
        HamsaSandbox startup = new HamsaSandbox(sandbox(true), Optional.empty(), LIMITS);

        startup.start(null);
        try {
            org.assertj.core.api.Assertions.assertThat(startup.simulator()).isPresent();
        } finally {
            startup.stop(null);
        }
        org.assertj.core.api.Assertions.assertThat(startup.simulator()).isEmpty();
    }
}
