package dev.switchboard.app.contract;

import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentPlatformContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The platform contract again, against a Hamsa that answers in the documentation's shapes. */
@QuarkusTest
@TestProfile(DocsShapedHamsa.class)
class HamsaDocsShapesContractTest extends VoiceAgentPlatformContract {

    @Inject
    VoiceAgentPlatform platform;

    @Override
    protected VoiceAgentPlatform platform() {
        return platform;
    }
}
