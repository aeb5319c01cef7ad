package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.VoiceAgent;

/** Changes some settings of an agent on the platform, then in the mirror. */
public interface UpdateVoiceAgentUseCase {

    VoiceAgent update(UpdateVoiceAgentCommand command);
}
