package dev.switchboard.adapters.persistence.redis;

import dev.switchboard.domain.model.QuotaDecision;
import dev.switchboard.domain.model.QuotaPolicy;
import dev.switchboard.domain.model.UpstreamLimits;
import dev.switchboard.domain.port.out.UpstreamQuota;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The platform quota shared by every replica: GCRA ("virtual scheduling") in one atomic script. Redis keeps
 * the theoretical arrival time of the next permit; a reservation takes that slot and moves it on by one
 * interval, so permits are spread evenly and never more than the policy's spendable count fall into any
 * window. Every time comes from Redis' own clock ({@code TIME}), so replicas whose clocks disagree still
 * share one schedule; the platform's reports arrive as relative waits for the same reason.
 */
@ApplicationScoped
public class RedisUpstreamQuota implements UpstreamQuota {

    /** In braces: a Redis Cluster hash tag, so the script's three keys live in one slot. */
    public static final String DEFAULT_PREFIX = "{switchboard:hamsa-quota}";

    private static final String RESERVE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local limit = tonumber(ARGV[1])
            local headroom = tonumber(ARGV[3])
            local observed = tonumber(redis.call('GET', KEYS[3]) or '0')
            if observed > 0 and observed < limit then
              limit = observed
              if headroom > limit - 1 then headroom = limit - 1 end
            end
            local interval = math.floor(tonumber(ARGV[2]) / (limit - headroom))
            local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
            local pause = tonumber(redis.call('GET', KEYS[2]) or '0')
            local at = math.max(tat, now, pause)
            local wait = at - now
            if wait > tonumber(ARGV[4]) then
              return {0, wait}
            end
            local nextTat = at + interval
            redis.call('SET', KEYS[1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1000)
            return {1, wait}
            """;

    private static final String OBSERVE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local pause = tonumber(ARGV[1])
            if pause >= 0 then
              local untilAt = now + pause
              local current = tonumber(redis.call('GET', KEYS[2]) or '0')
              if current < untilAt then
                redis.call('SET', KEYS[2], string.format('%.0f', untilAt), 'PX', math.ceil(pause / 1000) + 1000)
              end
            end
            local limit = tonumber(ARGV[2])
            if limit > 0 then
              redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3])
            end
            return 1
            """;

    private final RedisDataSource redis;
    private final String prefix;

    @Inject
    RedisUpstreamQuota(RedisDataSource redis) {
        this(redis, DEFAULT_PREFIX);
    }

    /** A quota under its own keys: tests use it to start from a clean schedule. */
    public RedisUpstreamQuota(RedisDataSource redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public QuotaDecision reserve(QuotaPolicy policy, Duration maxWait) {
        Response r = redis.execute("EVAL", RESERVE, "3", key("next"), key("paused-until"), key("observed-limit"),
                Integer.toString(policy.limit()), Long.toString(micros(policy.window())),
                Integer.toString(policy.headroom()), Long.toString(micros(maxWait)));
        Duration wait = Duration.ofNanos(r.get(1).toLong() * 1_000);
        return r.get(0).toLong() == 1 ? QuotaDecision.grantedAfter(wait) : QuotaDecision.refused(wait);
    }

    @Override
    public void observe(QuotaPolicy policy, UpstreamLimits limits) {
        long pause = limits.exhausted() ? micros(limits.resetIn()) : -1;
        int limit = limits.limitValue().filter(l -> l > 0 && l < policy.limit()).orElse(0);
        if (pause < 0 && limit == 0) {
            return;
        }
        // A lower limit is remembered for ten windows: long enough to matter, short enough to heal if it was a blip.
        long limitTtlMillis = Math.max(1_000, policy.window().toMillis() * 10);
        redis.execute("EVAL", OBSERVE, "3", key("next"), key("paused-until"), key("observed-limit"),
                Long.toString(pause), Integer.toString(limit), Long.toString(limitTtlMillis));
    }

    private String key(String part) {
        return prefix + ":" + part;
    }

    private static long micros(Duration d) {
        // Saturate: an "unbounded" wait must not overflow into a negative one.
        return d.compareTo(Duration.ofDays(365)) > 0 ? 365L * 86_400_000_000L : d.toNanos() / 1_000;
    }
}
