package dev.switchboard.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxConfigInterceptorTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withInterceptors(new SandboxConfigInterceptor())
                .build();
    }

    @Test
    void with_sandbox_on_hamsa_is_the_local_simulator_whatever_else_is_configured() {
        SmallRyeConfig config = config(Map.of(
                "switchboard.hamsa.sandbox.enabled", "true",
                "switchboard.hamsa.sandbox.port", "9999",
                "switchboard.hamsa.sandbox.api-key", "sim",
                "hamsa.base-url", "https://api.tryhamsa.com",
                "hamsa.api-key", "real-key"));

        assertThat(config.getValue("hamsa.base-url", String.class)).isEqualTo("http://127.0.0.1:9999");
        assertThat(config.getValue("hamsa.api-key", String.class)).isEqualTo("sim");
    }

    @Test
    void with_sandbox_off_the_configured_hamsa_is_used() {
        SmallRyeConfig config = config(Map.of(
                "hamsa.base-url", "https://api.tryhamsa.com",
                "hamsa.api-key", "real-key"));

        assertThat(config.getValue("hamsa.base-url", String.class)).isEqualTo("https://api.tryhamsa.com");
        assertThat(config.getValue("hamsa.api-key", String.class)).isEqualTo("real-key");
    }
}
