package dev.switchboard.simulator;

/** One event of one call, ready to send: its body is the complete JSON envelope. */
record WebhookEvent(String callId, String eventType, String timestamp, byte[] body) {
}
