package dev.switchboard.adapters.persistence.redis;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.TeamRequestCounter;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A fixed-window counter per team in Redis: one atomic script counts the request and starts the
 * window on its first request. Simple and exact per window; a burst may straddle two windows, which
 * is acceptable for a fairness limit (the Hamsa quota, which must never be exceeded, is a separate policy).
 */
@ApplicationScoped
class RedisTeamRequestCounter implements TeamRequestCounter {

    private static final String INCREMENT = """
            local n = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {n, ttl}
            """;

    private final RedisDataSource redis;

    RedisTeamRequestCounter(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public WindowCount increment(TeamId team, Duration window) {
        Response r = redis.execute("EVAL", INCREMENT, "1", "switchboard:requests:" + team, Long.toString(window.toMillis()));
        return new WindowCount(r.get(0).toLong(), Duration.ofMillis(r.get(1).toLong()));
    }
}
