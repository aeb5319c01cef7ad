package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.VoiceAgent;

/** Creates a voice agent on the platform and mirrors it, so later reads need no platform call. */
public interface CreateVoiceAgentUseCase {

    VoiceAgent create(CreateVoiceAgentCommand command);
}
