package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import java.util.Optional;

/** Switchboard's own record of its voice agents. */
public interface VoiceAgentRepository {

    /**
     * Stores a new agent.
     *
     * @throws dev.switchboard.domain.model.DuplicateExternalIdException if another agent of its team has its external id
     */
    void insert(VoiceAgent agent);

    /**
     * Replaces the stored agent with this next version of it.
     *
     * @throws dev.switchboard.domain.model.ConcurrentUpdateException unless the stored version is {@code agent.version() - 1}
     * @throws dev.switchboard.domain.model.VoiceAgentNotFoundException if there is no such agent
     */
    void update(VoiceAgent agent);

    /** The agent, if it belongs to this team. */
    Optional<VoiceAgent> findById(TeamId team, VoiceAgentId id);

    Optional<VoiceAgent> findByExternalId(TeamId team, String externalId);

    /** The team's agent that the platform knows by this id. */
    Optional<VoiceAgent> findByHamsaId(TeamId team, dev.switchboard.domain.model.HamsaAgentId hamsaAgentId);

    /** The team's agents that use this knowledge item, oldest first. */
    java.util.List<VoiceAgentId> usingKnowledgeItem(TeamId team, dev.switchboard.domain.model.KnowledgeItemId item);

    /**
     * The team's agents oldest first (ties broken by the id's text form, which is also Postgres' uuid order), one page at a time.
     *
     * @throws dev.switchboard.domain.model.InvalidInputException if the cursor is not one this repository issued
     */
    Page<VoiceAgent> list(TeamId team, PageRequest request);
}
