package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;

/** Lists the team's agents from the mirror, oldest first, one page at a time; never calls the platform. */
public interface ListVoiceAgentsQuery {

    Page<VoiceAgent> list(TeamId team, PageRequest request);
}
