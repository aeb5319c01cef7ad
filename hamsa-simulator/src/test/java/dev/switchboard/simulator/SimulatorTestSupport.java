package dev.switchboard.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a fresh simulator and a client for it before each test, and closes the simulator after it.
 * A test class changes how its simulator is built by overriding {@link #configure(HamsaSimulator.Builder)}.
 */
abstract class SimulatorTestSupport {

    /** How long a test waits for the webhook deliveries of a call to settle. */
    protected static final java.time.Duration IDLE = java.time.Duration.ofSeconds(10);
    /** A call that plays in milliseconds, retried quickly when its receiver does not answer 2xx. */
    protected static final CallScript FAST = CallScript.defaults().withStepDelayMillis(2).withRetries(5, 5);
    /** What a completed call of the default script sends, in order. */
    protected static final java.util.List<String> COMPLETED_EVENTS = java.util.List.of("call.started", "call.answered",
            "transcription.update", "transcription.update", "transcription.update", "transcription.update",
            "tool.executed", "call.ended");

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
