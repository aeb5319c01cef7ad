package dev.switchboard.domain.model;

import java.util.Map;

/**
 * The platform's record of one call ({@code GET /v1/voice-agents/conversation/{id}}), as far as it sent it.
 *
 * @param status the platform's own status word (PENDING, IN_PROGRESS, COMPLETED, ...)
 * @param fields the call's end in the shape of a {@code call.ended} payload (conversationId, conversationRecording,
 *               transcription, outcomeResult, callDuration, status, failureReason), for {@link Call#apply}
 */
public record PlatformConversation(String id, String status, Map<String, Object> params, Map<String, Object> fields) {

    public PlatformConversation {
        params = params == null ? Map.of() : JsonValues.copyOf(params);
        fields = fields == null ? Map.of() : JsonValues.copyOf(fields);
    }

    /** Whether the call is over on the platform. */
    public boolean ended() {
        return CallStatus.fromHamsa(status).map(CallStatus::isFinal).orElse(false);
    }
}
