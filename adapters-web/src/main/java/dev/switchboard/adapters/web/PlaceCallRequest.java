package dev.switchboard.adapters.web;

import dev.switchboard.adapters.web.validation.E164PhoneNumber;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/calls}. */
@Schema(name = "PlaceCallRequest")
public record PlaceCallRequest(
        @NotBlank @Schema(description = "One of your team's voice agents") String agentId,
        @E164PhoneNumber @Schema(description = "E.164, such as +14155550123; required for a PHONE call, not taken for WEB")
        String toNumber,
        @E164PhoneNumber @Schema(description = "E.164; Hamsa's default number for the agent when left out") String fromNumber,
        @Size(max = Call.MAX_PARAMS)
        @Schema(description = "Echoed by Hamsa in the call's outcome; any JSON values") Map<String, Object> params,
        @Size(min = 1, max = Call.EXTERNAL_ID_MAX) @Pattern(regexp = ".*\\S.*", message = "must not be blank when given")
        @Schema(description = "Your own reference for the call; unique among your team's calls") String externalId,
        @Pattern(regexp = "PHONE|WEB", message = "must be PHONE or WEB")
        @Schema(description = "PHONE (the default): Hamsa dials toNumber. WEB: Hamsa opens a web conversation "
                + "(conversation-init); a browser joins it with the call's hamsaCallId (Hamsa's job id) once it is DISPATCHED",
                enumeration = {"PHONE", "WEB"}) String channel) {

    /** The channel asked for; PHONE when none was named. */
    public CallChannel channelOrDefault() {
        return channel == null ? CallChannel.PHONE : CallChannel.valueOf(channel);
    }
}
