package dev.switchboard.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call the simulator accepted, as a load generator or a test needs it.
 *
 * @param webhookUrl    where its events go; null when the call named none
 * @param authorization the exact {@code Authorization} header its webhooks carry
 *                      ({@code authKey + " " + authSecret}); null when the call had no {@code webhookAuth}
 * @param params        the call's {@code params}, as JSON values (maps, lists, strings, numbers, booleans, nulls)
 */
public record SimulatedCall(
        String jobId,
        String voiceAgentId,
        CallStatus status,
        String webhookUrl,
        String authorization,
        Map<String, Object> params,
        Instant createdAt) {

    public SimulatedCall {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(voiceAgentId, "voiceAgentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
