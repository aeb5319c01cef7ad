package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItem;

/** Checks a new item, reserves its bytes within the team's budget and the account's quota, and stores it on the platform. */
public interface AddKnowledgeItemUseCase {

    KnowledgeItem add(AddKnowledgeItemCommand command);
}
