package dev.switchboard.domain.model;

import java.util.Optional;

/**
 * A partial update of an agent's settings: an empty field means "leave as it is".
 * Validation happens when the changes are applied to settings, so the whole result is checked at once.
 */
public record AgentChanges(Optional<String> name, Optional<String> greeting, Optional<String> preamble,
                           Optional<String> language, Optional<String> voiceId) {

    public AgentChanges {
        name = name == null ? Optional.empty() : name;
        greeting = greeting == null ? Optional.empty() : greeting;
        preamble = preamble == null ? Optional.empty() : preamble;
        language = language == null ? Optional.empty() : language;
        voiceId = voiceId == null ? Optional.empty() : voiceId;
    }

    public static AgentChanges none() {
        return new AgentChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return name.isEmpty() && greeting.isEmpty() && preamble.isEmpty() && language.isEmpty() && voiceId.isEmpty();
    }

    /** Only the fields that would really change the given settings. */
    public AgentChanges relativeTo(AgentSettings current) {
        return new AgentChanges(
                name.filter(v -> !v.equals(current.name())),
                greeting.filter(v -> !v.equals(current.greeting())),
                preamble.filter(v -> !v.equals(current.preamble())),
                language.filter(v -> !v.equals(current.language())),
                voiceId.filter(v -> !v.equals(current.voiceId())));
    }
}
