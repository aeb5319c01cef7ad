package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgentId;
import java.util.Map;
import java.util.Objects;

/** A team asks for a phone call from one of its agents. {@code toNumber} and {@code fromNumber} are E.164. */
public record PlaceCallCommand(TeamId team, VoiceAgentId agentId, String toNumber, String fromNumber,
                               Map<String, Object> params, String externalId) {

    public PlaceCallCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(toNumber, "toNumber");
    }
}
