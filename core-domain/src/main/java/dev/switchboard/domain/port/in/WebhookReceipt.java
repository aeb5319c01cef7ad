package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.CallId;

/** What happened to a delivery: stored now, or a repeat of one already stored. */
public record WebhookReceipt(CallId callId, String eventType, String dedupKey, boolean duplicate) {
}
