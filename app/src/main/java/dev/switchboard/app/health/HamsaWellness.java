package dev.switchboard.app.health;

import dev.switchboard.app.hamsa.HamsaCalls;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Hamsa as Switchboard sees it: each circuit breaker, where the quota comes from (shared in Redis, or this
 * replica's fallback share), and the queue. Reported at {@code /q/health} and {@code /q/health/well}, never in
 * readiness: with Hamsa down a replica still serves reads (marked stale) and answers writes with a clear 503;
 * taking it out of service would only turn that into connection errors. For the same reason it stays UP
 * while a breaker is open and says so in its data; alerts watch {@code switchboard_hamsa_breaker_state}.
 */
@Wellness
@ApplicationScoped
public class HamsaWellness implements HealthCheck {

    private final HamsaCalls calls;

    HamsaWellness(HamsaCalls calls) {
        this.calls = calls;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("hamsa").up();
        calls.status().forEach((key, value) -> {
            if (value instanceof Number n) {
                response.withData(key, n.longValue());
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        return response.build();
    }
}
