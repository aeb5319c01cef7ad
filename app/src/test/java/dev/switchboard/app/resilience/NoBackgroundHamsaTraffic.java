package dev.switchboard.app.resilience;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * No call workers and no knowledge refresh: nothing but the test's own requests reaches Hamsa. For tests that
 * count Hamsa's requests one by one; in the shared profile the reconciler or the refresh may take the one
 * request a test allows Hamsa (a CI run saw exactly that: the test's first create answered 503 HAMSA_BUSY
 * because a background request had been told the window was used up).
 */
public class NoBackgroundHamsaTraffic implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchboard.calls.workers-enabled", "false",
                "quarkus.scheduler.enabled", "false");
    }
}
