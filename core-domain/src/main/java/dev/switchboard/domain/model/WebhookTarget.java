package dev.switchboard.domain.model;

import java.util.Objects;

/** What a webhook delivery for one call is checked against: the call's secret digest and whom it belongs to. */
public record WebhookTarget(CallId callId, TeamId team, HamsaAgentId hamsaAgentId, String hamsaCallId,
                            String secretDigest) {

    public WebhookTarget {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(hamsaAgentId, "hamsaAgentId");
        Objects.requireNonNull(secretDigest, "secretDigest");
    }
}
