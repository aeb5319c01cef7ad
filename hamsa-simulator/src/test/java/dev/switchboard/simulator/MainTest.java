package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    private static Main.Config parse(String... args) {
        return Main.parseArgs(args, Map.of());
    }

    @Test
    void uses_the_defaults_without_flags() {
        Main.Config config = parse();

        assertThat(config.port()).isEqualTo(8089);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.apiKey()).isEqualTo("sim-key");
        assertThat(config.rateLimit()).isEqualTo(100);
        assertThat(config.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.faults()).isEqualTo(FaultSettings.none());
        assertThat(config.envelope()).isEqualTo(Envelope.GUIDE);
        assertThat(config.projectId()).isEqualTo("proj_simulator");
        assertThat(config.callStepDelayMillis()).isEqualTo(200);
        assertThat(config.knowledgeStorageLimit()).isEqualTo(1_048_576);
        assertThat(config.knowledgeProcessingDelayMillis()).isEqualTo(2_000);
        assertThat(config.help()).isFalse();
    }

    @Test
    void reads_every_flag() {
        Main.Config config = parse(
                "--port", "9001", "--host", "0.0.0.0", "--api-key", "k1",
                "--rate-limit", "5", "--window-seconds", "10",
                "--latency-ms", "20", "--latency-jitter-ms", "5",
                "--error-rate", "0.1", "--timeout-rate", "0.05", "--timeout-ms", "1500",
                "--drop-rate", "0.02", "--too-many-requests-rate", "0.3", "--retry-after-seconds", "4", "--seed", "-3",
                "--envelope", "docs", "--max-recorded", "50",
                "--project-id", "proj_load", "--call-step-delay-ms", "15",
                "--knowledge-storage-limit", "5242880", "--knowledge-processing-delay", "250");

        assertThat(config).isEqualTo(new Main.Config(9001, "0.0.0.0", "k1", 5, Duration.ofSeconds(10),
                new FaultSettings(20, 5, 0.1, 0.05, 1500, 0.02, 0.3, 4, -3), Envelope.DOCS, 50, "proj_load", 15,
                5_242_880, 250, false));
    }

    @Test
    void takes_the_window_in_milliseconds_but_not_in_both_units() {
        assertThat(parse("--window-millis", "250").window()).isEqualTo(Duration.ofMillis(250));
        assertThat(parse("--window-millis=250", "--window-millis=300").window()).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> parse("--window-seconds", "1", "--window-millis", "250"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("--window-millis", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accepts_flag_values_after_an_equals_sign() {
        Main.Config config = parse("--port=0", "--envelope=GUIDE");

        assertThat(config.port()).isZero();
        assertThat(config.envelope()).isEqualTo(Envelope.GUIDE);
    }

    @Test
    void takes_the_api_key_from_the_environment_unless_a_flag_overrides_it() {
        Map<String, String> env = Map.of("HAMSA_SIMULATOR_API_KEY", "from-env");

        assertThat(Main.parseArgs(new String[0], env).apiKey()).isEqualTo("from-env");
        assertThat(Main.parseArgs(new String[] {"--api-key", "from-flag"}, env).apiKey()).isEqualTo("from-flag");
    }

    @Test
    void recognises_help() {
        assertThat(parse("--help").help()).isTrue();
    }

    @Test
    void rejects_unknown_flags_missing_values_and_bad_values() {
        assertThatThrownBy(() -> parse("--bogus", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> parse("--port")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("--port", "http")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--port", "70000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--error-rate", "1.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--window-seconds", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--envelope", "xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guide or docs");
        assertThatThrownBy(() -> parse("--latency-ms", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--drop-rate", "2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--too-many-requests-rate", "-0.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--retry-after-seconds", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--call-step-delay-ms", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--project-id", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builds_a_simulator_from_the_config() {
        try (HamsaSimulator simulator = parse("--port", "0", "--api-key", "cfg-key", "--error-rate", "0.5",
                "--project-id", "proj_cli", "--call-step-delay-ms", "7")
                .toBuilder().build().start()) {
            assertThat(simulator.apiKey()).isEqualTo("cfg-key");
            assertThat(simulator.projectId()).isEqualTo("proj_cli");
            assertThat(simulator.callScript()).isEqualTo(CallScript.defaults().withStepDelayMillis(7));
            assertThat(simulator.faults().errorRate()).isEqualTo(0.5);
            assertThat(simulator.port()).isPositive();
        }
    }
}
