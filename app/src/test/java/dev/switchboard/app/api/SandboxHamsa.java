package dev.switchboard.app.api;

import dev.switchboard.app.sandbox.HamsaSandbox;
import dev.switchboard.simulator.FaultSettings;
import dev.switchboard.simulator.HamsaSimulator;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;

/** The simulator that sandbox mode started for the test application, put back to a calm state. */
public final class SandboxHamsa {

    private SandboxHamsa() {
    }

    public static HamsaSimulator calm() {
        HamsaSimulator hamsa = CDI.current().select(HamsaSandbox.class).get().simulator()
                .orElseThrow(() -> new IllegalStateException("tests run in sandbox mode"));
        hamsa.setFaults(FaultSettings.none());
        hamsa.setRateLimit(100_000, Duration.ofMinutes(1));
        hamsa.clearRecordedRequests();
        return hamsa;
    }
}
