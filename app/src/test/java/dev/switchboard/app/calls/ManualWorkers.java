package dev.switchboard.app.calls;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** No scheduled call workers: the test runs dispatch, inbox and reconciler passes itself, one at a time. */
public class ManualWorkers implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchboard.calls.workers-enabled", "false",
                "switchboard.calls.reconcile.max-call-duration", "1s",
                "switchboard.calls.reconcile.recheck", "1s",
                "switchboard.calls.dispatch.retry-delay", "1ms",
                "switchboard.calls.dispatch.max-attempts", "3");
    }
}
