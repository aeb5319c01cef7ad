package dev.switchboard.domain.model;

import java.util.Objects;

/** What a webhook delivery for one call is checked against: the call's secret digest, its agent and Hamsa id. */
public record WebhookTarget(CallId callId, HamsaAgentId hamsaAgentId, String hamsaCallId, String secretDigest) {

    public WebhookTarget {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(hamsaAgentId, "hamsaAgentId");
        Objects.requireNonNull(secretDigest, "secretDigest");
    }
}
