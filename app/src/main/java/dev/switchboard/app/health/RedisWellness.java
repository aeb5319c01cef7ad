package dev.switchboard.app.health;

import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Redis, reported at {@code /q/health/well} and not in readiness. Without Redis a replica still serves
 * every request except keyed writes (refused with 503) and counts no team limits; taking every replica
 * out of service because Redis blinked would turn that partial loss into a full outage.
 */
@Wellness
@ApplicationScoped
public class RedisWellness implements HealthCheck {

    private final RedisDataSource redis;

    RedisWellness(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            redis.execute("PING");
            return HealthCheckResponse.up("redis");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("redis").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
