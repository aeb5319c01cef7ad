package dev.switchboard.app.contract;

import dev.switchboard.adapters.persistence.redis.RedisUpstreamQuota;
import dev.switchboard.domain.port.out.UpstreamQuota;
import dev.switchboard.domain.port.out.UpstreamQuotaContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;

/** The shared quota contract against the Redis adapter on the real Redis, each test under keys of its own. */
@QuarkusTest
class RedisUpstreamQuotaContractTest extends UpstreamQuotaContract {

    @Inject
    RedisDataSource redis;

    @Override
    protected UpstreamQuota freshQuota() {
        return new RedisUpstreamQuota(redis, "{switchboard:test-quota:" + UUID.randomUUID() + "}");
    }
}
