package dev.switchboard.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * The knowledge items and tools a team asks an agent to use, by Switchboard's ids as the team wrote them; an
 * empty field leaves that list as it is, an empty list detaches all.
 */
public record AttachmentChanges(Optional<List<String>> knowledgeItemIds, Optional<List<String>> toolIds) {

    public AttachmentChanges {
        knowledgeItemIds = knowledgeItemIds == null ? Optional.empty() : knowledgeItemIds.map(List::copyOf);
        toolIds = toolIds == null ? Optional.empty() : toolIds.map(List::copyOf);
    }

    public static AttachmentChanges none() {
        return new AttachmentChanges(Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return knowledgeItemIds.isEmpty() && toolIds.isEmpty();
    }
}
