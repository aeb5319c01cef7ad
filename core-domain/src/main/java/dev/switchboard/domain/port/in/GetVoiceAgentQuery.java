package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;

/** Reads one of the team's agents from the mirror; never calls the platform. Another team's agent is "not found". */
public interface GetVoiceAgentQuery {

    VoiceAgent get(TeamId team, VoiceAgentId id);
}
