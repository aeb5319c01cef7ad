package dev.switchboard.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a fresh simulator and a client for it before each test, and closes the simulator after it.
 * A test class changes how its simulator is built by overriding {@link #configure(HamsaSimulator.Builder)}.
 */
abstract class SimulatorTestSupport {

    protected HamsaSimulator simulator;
    protected SimulatorClient client;

    /** Adjusts the builder for this test class; the default keeps every setting at its default. */
    protected HamsaSimulator.Builder configure(HamsaSimulator.Builder builder) {
        return builder;
    }

    @BeforeEach
    final void startSimulator() {
        simulator = configure(HamsaSimulator.builder()).build().start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    final void closeSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
