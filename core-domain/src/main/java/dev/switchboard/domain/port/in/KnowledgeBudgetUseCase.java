package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.TeamId;

/** The operator's view of a team's knowledge storage, and the budget they give it. */
public interface KnowledgeBudgetUseCase {

    KnowledgeStorage storage(TeamId team);

    /** @param budgetBytes the team's own budget, or null for the service default */
    KnowledgeStorage setBudget(TeamId team, Long budgetBytes);
}
