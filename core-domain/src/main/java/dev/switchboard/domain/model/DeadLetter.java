package dev.switchboard.domain.model;

import java.time.Instant;

/** An inbox event that failed to apply too many times; it waits, with its last error, for an operator's replay. */
public record DeadLetter(long id, CallId callId, String eventType, String dedupKey, int attempts, String lastError,
                         Instant receivedAt, Instant deadAt) {
}
