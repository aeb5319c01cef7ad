package dev.switchboard.domain.model;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How calls are sent and followed.
 *
 * @param webhookBaseUrl      Switchboard's public address, under which each call's webhook URL is made
 * @param dispatchLease       how long a worker holds a dispatch job; longer than a dispatch can take, so a job
 *                            is taken again only when its worker is gone
 * @param dispatchRetryDelay  the first wait after a failed dispatch, doubled each time up to 32 times it
 * @param dispatchMaxAttempts attempts after which a call that could not be sent is FAILED
 * @param maxCallDuration     a call not ended this long after Hamsa accepted it is looked up on Hamsa
 * @param reconcileRecheck    how long the reconciler waits before asking again about a call still in progress
 * @param projectId           Hamsa's project id; when set, an event naming another project is refused
 */
public record CallPolicy(URI webhookBaseUrl, Duration dispatchLease, Duration dispatchRetryDelay, int dispatchMaxAttempts,
                         Duration maxCallDuration, Duration reconcileRecheck, Optional<String> projectId) {

    public CallPolicy {
        Objects.requireNonNull(webhookBaseUrl, "webhookBaseUrl");
        Objects.requireNonNull(dispatchLease, "dispatchLease");
        Objects.requireNonNull(dispatchRetryDelay, "dispatchRetryDelay");
        Objects.requireNonNull(maxCallDuration, "maxCallDuration");
        Objects.requireNonNull(reconcileRecheck, "reconcileRecheck");
        projectId = projectId == null ? Optional.empty() : projectId.filter(p -> !p.isBlank());
        if (dispatchMaxAttempts < 1) {
            throw new IllegalArgumentException("dispatchMaxAttempts is at least 1");
        }
    }

    /** Where Hamsa sends this call's webhooks. */
    public URI webhookUrl(CallId id) {
        return under("webhooks/hamsa/calls/" + id);
    }

    /** Where Hamsa sends the events of an agent's calls that name no webhook of their own. */
    public URI agentWebhookUrl(AgentWebhookId id) {
        return under("webhooks/hamsa/agents/" + id);
    }

    private URI under(String path) {
        String base = webhookBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    /** The wait before dispatch attempt {@code attempt + 1}. */
    public Duration dispatchBackoff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 5);
        return dispatchRetryDelay.multipliedBy(1L << doublings);
    }
}
