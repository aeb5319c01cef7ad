package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.TeamId;

/** Reads one of the team's items from Switchboard's record; never calls the platform. */
public interface GetKnowledgeItemQuery {

    KnowledgeItem get(TeamId team, KnowledgeItemId id);
}
