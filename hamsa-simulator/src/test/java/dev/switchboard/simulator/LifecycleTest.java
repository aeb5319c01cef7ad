package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void binds_a_free_loopback_port_by_default() {
        try (HamsaSimulator simulator = HamsaSimulator.builder().build().start()) {
            assertThat(simulator.port()).isPositive();
            assertThat(simulator.baseUri().toString()).isEqualTo("http://127.0.0.1:" + simulator.port());
            assertThat(simulator.apiKey()).isEqualTo("sim-key");
            assertThat(simulator.faults()).isEqualTo(FaultSettings.none());
            assertThat(new SimulatorClient(simulator).get("/v2/voice-agents").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void has_no_port_before_it_starts() {
        HamsaSimulator simulator = HamsaSimulator.builder().build();

        assertThatThrownBy(simulator::port).isInstanceOf(IllegalStateException.class);
        simulator.close();
    }

    @Test
    void cannot_start_twice_or_after_closing() {
        HamsaSimulator simulator = HamsaSimulator.builder().build().start();
        assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);

        simulator.close();
        simulator.close();
        assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reports_a_port_that_is_taken() {
        try (HamsaSimulator first = HamsaSimulator.builder().build().start()) {
            HamsaSimulator second = HamsaSimulator.builder().port(first.port()).build();

            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void runs_independent_instances_side_by_side() {
        try (HamsaSimulator a = HamsaSimulator.builder().build().start();
             HamsaSimulator b = HamsaSimulator.builder().build().start()) {
            new SimulatorClient(a).post("/v2/voice-agents", SimulatorClient.agentBody("only in a"));

            assertThat(a.agentCount()).isEqualTo(1);
            assertThat(b.agentCount()).isZero();
            assertThat(a.port()).isNotEqualTo(b.port());
        }
    }
}
