package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSettingsTest {

    @Test
    void none_injects_nothing() {
        assertThat(FaultSettings.none()).isEqualTo(new FaultSettings(0, 0, 0.0, 0.0, 30_000, 42));
    }

    @Test
    void rejects_rates_outside_zero_to_one() {
        assertThatThrownBy(() -> FaultSettings.none().withErrorRate(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errorRate");
        assertThatThrownBy(() -> FaultSettings.none().withErrorRate(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSettings.none().withTimeouts(Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeoutRate");
    }

    @Test
    void rejects_negative_times() {
        assertThatThrownBy(() -> FaultSettings.none().withLatency(-1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMs");
        assertThatThrownBy(() -> FaultSettings.none().withLatency(0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyJitterMs");
        assertThatThrownBy(() -> FaultSettings.none().withTimeouts(0.5, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeoutMs");
    }

    @Test
    void keeps_jitter_within_the_configured_range() {
        FaultInjector injector = new FaultInjector(FaultSettings.none().withLatency(10, 5));

        for (int i = 0; i < 1_000; i++) {
            assertThat(injector.draw().delayMs()).isBetween(10L, 15L);
        }
    }

    @Test
    void draws_roughly_the_configured_fractions() {
        FaultInjector injector = new FaultInjector(new FaultSettings(0, 0, 0.25, 0.1, 0, 1));
        int errors = 0;
        int timeouts = 0;
        for (int i = 0; i < 10_000; i++) {
            switch (injector.draw().kind()) {
                case ERROR -> errors++;
                case TIMEOUT -> timeouts++;
                default -> { }
            }
        }

        assertThat(errors).isBetween(2_300, 2_700);
        assertThat(timeouts).isBetween(850, 1_150);
    }
}
