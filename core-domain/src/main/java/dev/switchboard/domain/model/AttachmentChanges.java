package dev.switchboard.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge items and tools a team asks an agent to use, by Switchboard's ids as the team wrote them; an
 * empty field leaves that list as it is, an empty list detaches all.
 */
public record AttachmentChanges(Optional<List<String>> knowledgeItemIds, Optional<List<String>> toolIds) {

    public AttachmentChanges {
        knowledgeItemIds = knowledgeItemIds == null ? Optional.empty() : knowledgeItemIds.map(AttachmentChanges::copy);
        toolIds = toolIds == null ? Optional.empty() : toolIds.map(AttachmentChanges::copy);
    }

    /** A copy that keeps a null id (List.copyOf would throw): the resolver refuses it as unknown, on its field. */
    private static List<String> copy(List<String> ids) {
        return Collections.unmodifiableList(new ArrayList<>(ids));
    }

    public static AttachmentChanges none() {
        return new AttachmentChanges(Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return knowledgeItemIds.isEmpty() && toolIds.isEmpty();
    }
}
