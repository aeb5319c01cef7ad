package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.TeamId;
import java.util.List;

/** Adds URLs to a URL item, each through the outbound URL guard, up to 100 in all. */
public interface AddKnowledgeUrlsUseCase {

    KnowledgeItem addUrls(TeamId team, KnowledgeItemId id, List<String> urls);
}
