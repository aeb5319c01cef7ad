package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;

/** Lists the team's items, oldest first, one page at a time; never calls the platform. */
public interface ListKnowledgeItemsQuery {

    Page<KnowledgeItem> list(TeamId team, PageRequest request);
}
