package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.UUID;

/** Switchboard's own identity for a voice agent; stable even if the agent is re-created on Hamsa. */
public record VoiceAgentId(UUID value) {

    public VoiceAgentId {
        Objects.requireNonNull(value, "value");
    }

    public static VoiceAgentId newId() {
        return new VoiceAgentId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; an id that is not a UUID can name no agent, so it is "not found". */
    public static VoiceAgentId parse(String text) {
        try {
            return new VoiceAgentId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new VoiceAgentNotFoundException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
