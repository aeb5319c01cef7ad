package dev.switchboard.domain.fake;

import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentPlatformContract;

class FakeVoiceAgentPlatformTest extends VoiceAgentPlatformContract {

    private final FakeVoiceAgentPlatform platform = new FakeVoiceAgentPlatform();

    @Override
    protected VoiceAgentPlatform platform() {
        return platform;
    }
}
