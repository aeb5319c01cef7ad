package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import java.util.List;
import java.util.Optional;

/** Switchboard's own record of its knowledge items, and of the storage they use per team and in all. */
public interface KnowledgeItemRepository {

    /**
     * Stores a new item if its bytes fit: the check and the insert are one step, so two uploads racing for
     * the last bytes (on any replica) cannot both pass.
     *
     * @param defaultTeamBudgetBytes the budget of a team the operator gave none
     * @param accountLimitBytes      what the whole Hamsa account may hold
     * @throws dev.switchboard.domain.model.KnowledgeQuotaExceededException if it does not fit
     */
    void reserve(KnowledgeItem item, long defaultTeamBudgetBytes, long accountLimitBytes);

    /**
     * Replaces the stored item with this next version of it, whatever its size: for what the platform
     * reported, which is a fact, not a request.
     *
     * @throws dev.switchboard.domain.model.ConcurrentUpdateException unless the stored version is {@code item.version() - 1}
     * @throws dev.switchboard.domain.model.KnowledgeItemNotFoundException if there is no such item
     */
    void update(KnowledgeItem item);

    /**
     * As {@link #update}, but when the item grows only if the growth fits, checked as {@link #reserve} checks:
     * for a change the team asked for.
     *
     * @throws dev.switchboard.domain.model.KnowledgeQuotaExceededException if it grows past a limit
     */
    void updateWithin(KnowledgeItem item, long defaultTeamBudgetBytes, long accountLimitBytes);

    /** Removes the item, if it is the team's; its bytes stop counting. */
    void delete(TeamId team, KnowledgeItemId id);

    Optional<KnowledgeItem> findById(TeamId team, KnowledgeItemId id);

    /**
     * The team's items oldest first (ties broken by id), one page at a time.
     *
     * @throws dev.switchboard.domain.model.InvalidInputException if the cursor is not one this repository issued
     */
    Page<KnowledgeItem> list(TeamId team, PageRequest request);

    /**
     * Items the platform is still processing, of every team: those asked about least recently (never asked: since
     * their last change), each then noted as asked about now, so the next call gives the next ones. Returned least
     * recently updated first. Noting is not a change: versions stay as they are.
     */
    List<KnowledgeItem> settling(int max);

    /** The team's and the account's use, and the team's budget (or the default when the operator set none). */
    KnowledgeStorage storage(TeamId team, long defaultTeamBudgetBytes, long accountLimitBytes);

    /** The team's own budget in bytes, or null to put it back on the service default. */
    void setTeamBudget(TeamId team, Long budgetBytes);
}
