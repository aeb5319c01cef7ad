package dev.switchboard.app.api;

import dev.switchboard.adapters.persistence.redis.RedisUpstreamQuota;
import dev.switchboard.app.sandbox.HamsaSandbox;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import dev.switchboard.simulator.CallScript;
import dev.switchboard.simulator.FaultSettings;
import dev.switchboard.simulator.HamsaSimulator;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;

/**
 * The simulator that sandbox mode started for the test application, put back to a calm state, and
 * Switchboard's memory of earlier tests' Hamsa trouble with it: breakers closed, no quota pause in Redis.
 */
public final class SandboxHamsa {

    /** Calls play in a fraction of a second; every other part of the script is Hamsa's default. */
    public static final CallScript FAST_CALLS = CallScript.defaults().withStepDelayMillis(20);

    private SandboxHamsa() {
    }

    public static HamsaSimulator calm() {
        HamsaSimulator hamsa = CDI.current().select(HamsaSandbox.class).get().simulator()
                .orElseThrow(() -> new IllegalStateException("tests run in sandbox mode"));
        hamsa.setFaults(FaultSettings.none());
        hamsa.clearScriptedFailures();
        hamsa.setRateLimit(100_000, Duration.ofMinutes(1));
        hamsa.clearRecordedRequests();
        hamsa.setCallScript(FAST_CALLS);
        hamsa.clearWebhookDeliveries();
        CDI.current().select(CircuitBreakerMaintenance.class).get().resetAll();
        forgetQuotaSchedule();
        return hamsa;
    }

    /** A 429 an earlier test provoked pauses the shared quota; the next test must not inherit the pause. */
    public static void forgetQuotaSchedule() {
        try {
            var keys = CDI.current().select(RedisDataSource.class).get().key();
            keys.keys(RedisUpstreamQuota.DEFAULT_PREFIX + ":*").forEach(keys::del);
        } catch (RuntimeException redisDown) {
            // The Redis-down tests run without Redis: nothing is kept there to forget.
        }
    }
}
