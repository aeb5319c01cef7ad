package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultSettingsTest {

    @Test
    void none_injects_nothing() {
        assertThat(FaultSettings.none()).isEqualTo(new FaultSettings(0, 0, 0.0, 0.0, 30_000, 0.0, 0.0, 1, 42));
    }

    @Test
    void the_six_value_constructor_of_before_drops_and_429_storms_means_neither() {
        assertThat(new FaultSettings(1, 2, 0.1, 0.2, 3, 4))
                .isEqualTo(new FaultSettings(1, 2, 0.1, 0.2, 3, 0.0, 0.0, 1, 4));
    }

    @Test
    void rejects_rates_outside_zero_to_one() {
        assertThatThrownBy(() -> FaultSettings.none().withErrorRate(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errorRate");
        assertThatThrownBy(() -> FaultSettings.none().withErrorRate(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSettings.none().withTimeouts(Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeoutRate");
        assertThatThrownBy(() -> FaultSettings.none().withDropRate(1.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropRate");
        assertThatThrownBy(() -> FaultSettings.none().withTooManyRequests(-0.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tooManyRequestsRate");
        assertThatThrownBy(() -> FaultSettings.none().withTooManyRequests(0.5, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryAfterSeconds");
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

    @Test
    void draws_roughly_the_configured_fractions_of_drops_and_429s() {
        FaultInjector injector = new FaultInjector(new FaultSettings(0, 0, 0.1, 0.1, 0, 0.2, 0.3, 5, 1));
        Map<FaultInjector.Kind, Integer> kinds = new EnumMap<>(FaultInjector.Kind.class);
        for (int i = 0; i < 10_000; i++) {
            FaultInjector.Outcome outcome = injector.draw();
            kinds.merge(outcome.kind(), 1, Integer::sum);
            assertThat(outcome.retryAfterSeconds()).isEqualTo(5);
        }

        assertThat(kinds.get(FaultInjector.Kind.DROP)).isBetween(1_800, 2_200);
        assertThat(kinds.get(FaultInjector.Kind.TOO_MANY_REQUESTS)).isBetween(2_750, 3_250);
        assertThat(kinds.get(FaultInjector.Kind.NONE)).isBetween(2_750, 3_250);
    }

    @Test
    void lets_earlier_faults_take_precedence_when_the_rates_add_up_past_1() {
        FaultInjector injector = new FaultInjector(FaultSettings.none().withErrorRate(1.0).withDropRate(1.0)
                .withTooManyRequests(1.0, 1));

        for (int i = 0; i < 100; i++) {
            assertThat(injector.draw().kind()).isEqualTo(FaultInjector.Kind.ERROR);
        }
    }

    @Test
    void consumes_three_draws_per_request_whatever_the_outcome() {
        FaultInjector faulty = new FaultInjector(new FaultSettings(0, 1_000, 0.2, 0.2, 0, 0.2, 0.2, 1, 9));
        FaultInjector clean = new FaultInjector(FaultSettings.none().withLatency(0, 1_000).withSeed(9));

        for (int i = 0; i < 1_000; i++) {
            assertThat(faulty.draw().delayMs()).isEqualTo(clean.draw().delayMs());
        }
    }

    @Test
    void gives_the_outcomes_of_before_drops_and_429_storms_while_their_rates_are_0() {
        // The draw as it was: jitter, outcome against timeout then error, 500 or 503.
        Random before = new Random(5);
        FaultInjector injector = new FaultInjector(new FaultSettings(0, 10, 0.3, 0.2, 0, 5));

        for (int i = 0; i < 1_000; i++) {
            double jitter = before.nextDouble();
            double outcome = before.nextDouble();
            boolean unavailable = before.nextBoolean();
            FaultInjector.Kind expected = outcome < 0.2 ? FaultInjector.Kind.TIMEOUT
                    : outcome < 0.2 + 0.3 ? FaultInjector.Kind.ERROR : FaultInjector.Kind.NONE;

            FaultInjector.Outcome drawn = injector.draw();
            assertThat(drawn.kind()).isEqualTo(expected);
            assertThat(drawn.delayMs()).isEqualTo(Math.min((long) Math.floor(jitter * 11.0), 10));
            assertThat(drawn.errorStatus()).isEqualTo(unavailable ? 503 : 500);
        }
    }
}
