package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItem;

/** Renames an item or replaces a TEXT item's text (within the storage limits); the platform processes it again. */
public interface UpdateKnowledgeItemUseCase {

    KnowledgeItem update(UpdateKnowledgeItemCommand command);
}
