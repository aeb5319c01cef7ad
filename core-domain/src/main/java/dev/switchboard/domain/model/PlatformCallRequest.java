package dev.switchboard.domain.model;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** What the platform is asked to place a phone call with; its webhooks go to {@code webhookUrl} with the secret. */
public record PlatformCallRequest(HamsaAgentId agent, String toNumber, String fromNumber, Map<String, Object> params,
                                  URI webhookUrl, WebhookSecret webhookSecret) {

    public PlatformCallRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(toNumber, "toNumber");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        params = params == null ? Map.of() : JsonValues.copyOf(params);
    }
}
