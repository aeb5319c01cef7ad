package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgentId;
import java.util.Map;
import java.util.Objects;

/**
 * A team asks for a call from one of its agents: a phone call to {@code toNumber} (E.164, as {@code fromNumber}),
 * or a web conversation (no numbers), which a browser joins with the job id Hamsa gives it.
 */
public record PlaceCallCommand(TeamId team, VoiceAgentId agentId, CallChannel channel, String toNumber,
                               String fromNumber, Map<String, Object> params, String externalId) {

    /** A phone call. */
    public PlaceCallCommand(TeamId team, VoiceAgentId agentId, String toNumber, String fromNumber,
                            Map<String, Object> params, String externalId) {
        this(team, agentId, CallChannel.PHONE, Objects.requireNonNull(toNumber, "toNumber"), fromNumber, params,
                externalId);
    }

    public PlaceCallCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(agentId, "agentId");
        channel = channel == null ? CallChannel.PHONE : channel;
    }
}
