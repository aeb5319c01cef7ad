package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.TeamId;

/** Lets agents use an item, or stops them, without deleting it. */
public interface SetKnowledgeItemActiveUseCase {

    KnowledgeItem setActive(TeamId team, KnowledgeItemId id, boolean active);
}
