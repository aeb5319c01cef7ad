package dev.switchboard.app.contract;

import dev.switchboard.simulator.Envelope;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Hamsa that answers in the shapes of Hamsa's public documentation rather than the integration guide:
 * the other envelope, nested agents, error bodies with only a message and a message key. Sandbox mode is
 * off, so the adapter reaches it exactly as it would reach the real Hamsa.
 */
public class DocsShapedHamsa implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchboard.hamsa.sandbox.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Simulator.class));
    }

    public static class Simulator implements QuarkusTestResourceLifecycleManager {

        private HamsaSimulator hamsa;

        @Override
        public Map<String, String> start() {
            hamsa = HamsaSimulator.builder().port(0).apiKey("docs-shaped-key").envelope(Envelope.DOCS)
                    .rateLimit(100_000, Duration.ofMinutes(1)).build().start();
            return Map.of("hamsa.base-url", hamsa.baseUri().toString(), "hamsa.api-key", "docs-shaped-key");
        }

        @Override
        public void stop() {
            if (hamsa != null) {
                hamsa.close();
            }
        }
    }
}
