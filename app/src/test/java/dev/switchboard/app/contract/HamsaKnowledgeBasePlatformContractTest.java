package dev.switchboard.app.contract;

import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import dev.switchboard.domain.port.out.KnowledgeBasePlatformContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The knowledge-base platform contract against the real Hamsa adapter, over real HTTP, talking to the simulator. */
@QuarkusTest
class HamsaKnowledgeBasePlatformContractTest extends KnowledgeBasePlatformContract {

    @Inject
    KnowledgeBasePlatform platform;

    @Override
    protected KnowledgeBasePlatform platform() {
        return platform;
    }
}
