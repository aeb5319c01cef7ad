package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.VoiceAgent;

/** Makes a copy of an agent on the platform and mirrors the copy as a new agent. */
public interface CloneVoiceAgentUseCase {

    VoiceAgent cloneAgent(CloneVoiceAgentCommand command);
}
