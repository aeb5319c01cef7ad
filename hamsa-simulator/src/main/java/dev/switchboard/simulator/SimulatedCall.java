package dev.switchboard.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call or web conversation the simulator accepted, as a load generator or a test needs it.
 *
 * @param webhookUrl    where its events go: its own {@code webhookUrl}, else its agent's as it was
 *                      when the call was created; null when neither had one
 * @param authorization the exact {@code Authorization} header its webhooks carry
 *                      ({@code authKey + " " + authSecret}) of the same webhook; null without {@code webhookAuth}
 * @param params        the call's {@code params}, as JSON values (maps, lists, strings, numbers, booleans, nulls)
 * @param channelType   {@code PHONE} or {@code WEB}, as {@code GET /conversation/{id}} shows it
 * @param webhookSource {@code CALL} (its own webhook), {@code AGENT} (its agent's), or null when its events go nowhere
 */
public record SimulatedCall(
        String jobId,
        String voiceAgentId,
        CallStatus status,
        String webhookUrl,
        String authorization,
        Map<String, Object> params,
        Instant createdAt,
        String channelType,
        String webhookSource) {

    public SimulatedCall {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(voiceAgentId, "voiceAgentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(channelType, "channelType");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The webhook secret stays out of test failure messages and logs. */
    @Override
    public String toString() {
        return "SimulatedCall[jobId=" + jobId + ", voiceAgentId=" + voiceAgentId + ", status=" + status + ", channelType="
                + channelType + ", webhookUrl=" + webhookUrl + ", webhookSource=" + webhookSource + ", authorization="
                + (authorization == null ? null : "***") + ", params=" + params + "]";
    }
}
