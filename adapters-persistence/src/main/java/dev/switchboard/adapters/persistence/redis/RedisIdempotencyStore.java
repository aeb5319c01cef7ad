package dev.switchboard.adapters.persistence.redis;

import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.IdempotencyUnavailableException;
import dev.switchboard.domain.model.RecordedResponse;
import dev.switchboard.domain.port.out.IdempotencyStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Idempotency keys in Redis, one hash per key. Each step is one Lua script, so a claim is atomic
 * across every replica and only the claim's holder can answer or release it.
 */
@ApplicationScoped
class RedisIdempotencyStore implements IdempotencyStore {

    /** Returns what is held, or takes the key for the token and returns nil. */
    private static final String CLAIM = """
            local held = redis.call('HMGET', KEYS[1], 'fp', 'status', 'ctype', 'loc', 'body')
            if held[1] then return held end
            redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'token', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return nil
            """;
    private static final String COMPLETE = """
            if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'status') == 1 then
              return 0
            end
            redis.call('HSET', KEYS[1], 'status', ARGV[2], 'ctype', ARGV[3], 'loc', ARGV[4], 'body', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            return 1
            """;
    private static final String RELEASE = """
            if redis.call('HGET', KEYS[1], 'token') == ARGV[1] and redis.call('HEXISTS', KEYS[1], 'status') == 0 then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisDataSource redis;

    RedisIdempotencyStore(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Entry> claim(IdempotencyKey key, String fingerprint, String token, Duration lease) {
        Response held = run(CLAIM, redisKey(key), fingerprint, token, Long.toString(lease.toMillis()));
        if (held == null || held.size() == 0 || held.get(0) == null) {
            return Optional.empty();
        }
        Optional<RecordedResponse> answer = held.get(1) == null ? Optional.empty() : Optional.of(new RecordedResponse(
                held.get(1).toInteger(), emptyToNull(held.get(2)), emptyToNull(held.get(3)),
                Base64.getDecoder().decode(held.get(4).toString())));
        return Optional.of(new Entry(held.get(0).toString(), answer));
    }

    @Override
    public boolean complete(IdempotencyKey key, String token, RecordedResponse response, Duration retention) {
        Response done = run(COMPLETE, redisKey(key), token, Integer.toString(response.status()),
                nullToEmpty(response.contentType()), nullToEmpty(response.location()),
                Base64.getEncoder().encodeToString(response.body()), Long.toString(retention.toMillis()));
        return done != null && done.toInteger() == 1;
    }

    @Override
    public void release(IdempotencyKey key, String token) {
        run(RELEASE, redisKey(key), token);
    }

    private Response run(String script, String key, String... args) {
        String[] command = new String[3 + args.length];
        command[0] = script;
        command[1] = "1";
        command[2] = key;
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            return redis.execute("EVAL", command);
        } catch (RuntimeException e) {
            throw new IdempotencyUnavailableException("Redis unreachable for idempotency keys: " + e.getMessage(), e);
        }
    }

    private static String redisKey(IdempotencyKey key) {
        return RedisKeys.teamScoped("idem", key.team(), key.value());
    }

    private static String emptyToNull(Response r) {
        return r == null || r.toString().isEmpty() ? null : r.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
