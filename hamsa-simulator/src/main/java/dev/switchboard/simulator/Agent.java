package dev.switchboard.simulator;

import java.time.Instant;
import java.util.Map;

/** A stored voice agent. Field names are the guide's short form. */
record Agent(
        String id,
        String name,
        String preamble,
        String greeting,
        String language,
        String voiceId,
        Instant createdAt,
        Instant updatedAt) {

    static Agent create(String id, Map<String, String> fields, Instant now) {
        return new Agent(id,
                fields.get(AgentInput.NAME),
                fields.get(AgentInput.PREAMBLE),
                fields.get(AgentInput.GREETING),
                fields.get(AgentInput.LANGUAGE),
                fields.get(AgentInput.VOICE_ID),
                now, now);
    }

    /** Applies the present fields; the rest stay as they are. */
    Agent patch(Map<String, String> changes, Instant updatedAt) {
        return new Agent(id,
                changes.getOrDefault(AgentInput.NAME, name),
                changes.getOrDefault(AgentInput.PREAMBLE, preamble),
                changes.getOrDefault(AgentInput.GREETING, greeting),
                changes.getOrDefault(AgentInput.LANGUAGE, language),
                changes.getOrDefault(AgentInput.VOICE_ID, voiceId),
                createdAt, updatedAt);
    }

    Agent copy(String newId, String newName, Instant now) {
        return new Agent(newId, newName, preamble, greeting, language, voiceId, now, now);
    }
}
