package dev.switchboard.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * A partial update of an agent's settings: an empty field means "leave as it is".
 * Validation happens when the changes are applied to settings, so the whole result is checked at once.
 */
public record AgentChanges(Optional<String> name, Optional<String> greeting, Optional<String> preamble,
                           Optional<String> language, Optional<String> voiceId,
                           Optional<List<String>> knowledgeBaseItemIds, Optional<List<String>> toolIds) {

    /** Changes of the agent's own settings only, not of its knowledge items or tools. */
    public AgentChanges(Optional<String> name, Optional<String> greeting, Optional<String> preamble,
                        Optional<String> language, Optional<String> voiceId) {
        this(name, greeting, preamble, language, voiceId, Optional.empty(), Optional.empty());
    }

    public AgentChanges {
        knowledgeBaseItemIds = knowledgeBaseItemIds == null ? Optional.empty() : knowledgeBaseItemIds.map(List::copyOf);
        toolIds = toolIds == null ? Optional.empty() : toolIds.map(List::copyOf);
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
        return name.isEmpty() && greeting.isEmpty() && preamble.isEmpty() && language.isEmpty() && voiceId.isEmpty()
                && knowledgeBaseItemIds.isEmpty() && toolIds.isEmpty();
    }

    /** These changes, with the knowledge items and tools (platform ids) to set, where given. */
    public AgentChanges withAttachments(Optional<List<String>> knowledge, Optional<List<String>> tools) {
        return new AgentChanges(name, greeting, preamble, language, voiceId, knowledge, tools);
    }

    /** Only the fields that would really change the given settings. */
    public AgentChanges relativeTo(AgentSettings current) {
        return new AgentChanges(
                name.filter(v -> !v.equals(current.name())),
                greeting.filter(v -> !v.equals(current.greeting())),
                preamble.filter(v -> !v.equals(current.preamble())),
                language.filter(v -> !v.equals(current.language())),
                voiceId.filter(v -> !v.equals(current.voiceId())),
                knowledgeBaseItemIds.filter(v -> !v.equals(current.knowledgeBaseItemIds())),
                toolIds.filter(v -> !v.equals(current.toolIds())));
    }
}
