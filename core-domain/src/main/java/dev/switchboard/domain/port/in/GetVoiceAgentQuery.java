package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;

/** Reads one agent from the mirror; never calls the platform. */
public interface GetVoiceAgentQuery {

    VoiceAgent get(VoiceAgentId id);
}
