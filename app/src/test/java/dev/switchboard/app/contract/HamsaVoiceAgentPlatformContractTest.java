package dev.switchboard.app.contract;

import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentPlatformContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The platform contract against the real Hamsa adapter, over real HTTP, talking to the simulator that
 * sandbox mode starts (page size 10 in tests, so listing 25 agents walks three pages).
 */
@QuarkusTest
class HamsaVoiceAgentPlatformContractTest extends VoiceAgentPlatformContract {

    @Inject
    VoiceAgentPlatform platform;

    @Override
    protected VoiceAgentPlatform platform() {
        return platform;
    }
}
