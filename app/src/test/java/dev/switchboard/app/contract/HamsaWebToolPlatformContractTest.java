package dev.switchboard.app.contract;

import dev.switchboard.domain.port.out.WebToolPlatform;
import dev.switchboard.domain.port.out.WebToolPlatformContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The web-tool platform contract against the real Hamsa adapter, over real HTTP, talking to the simulator. */
@QuarkusTest
class HamsaWebToolPlatformContractTest extends WebToolPlatformContract {

    @Inject
    WebToolPlatform platform;

    @Override
    protected WebToolPlatform platform() {
        return platform;
    }
}
