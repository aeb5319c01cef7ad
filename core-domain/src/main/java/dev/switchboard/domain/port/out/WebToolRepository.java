package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;
import java.util.Optional;

/** Switchboard's own record of its web tools. */
public interface WebToolRepository {

    void insert(WebTool tool);

    /**
     * Replaces the stored tool with this next version of it.
     *
     * @throws dev.switchboard.domain.model.ConcurrentUpdateException unless the stored version is {@code tool.version() - 1}
     * @throws dev.switchboard.domain.model.WebToolNotFoundException if there is no such tool
     */
    void update(WebTool tool);

    Optional<WebTool> findById(TeamId team, WebToolId id);

    /** The team's tool with this name: the agent's model tells tools apart by name, so it is unique per team. */
    Optional<WebTool> findByName(TeamId team, String name);

    /**
     * The team's tools oldest first (ties broken by id), one page at a time.
     *
     * @throws dev.switchboard.domain.model.InvalidInputException if the cursor is not one this repository issued
     */
    Page<WebTool> list(TeamId team, PageRequest request);
}
