package dev.switchboard.domain.model;

import java.net.URI;
import java.util.Objects;

/** Where the platform sends an agent's events, and the secret it presents there ({@code webhookAuth}). */
public record PlatformWebhook(URI url, WebhookSecret secret) {

    public PlatformWebhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "PlatformWebhook[url=" + url + ", secret=redacted]";
    }
}
