package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.TeamId;
import java.util.function.Supplier;

/**
 * Serialises the creations that use one team's external id, across every replica, so that two
 * requests racing with the same external id make one resource on the platform, not two.
 */
public interface ExternalIdLock {

    /** Runs {@code work} while no other holder of the same team and external id runs. */
    <T> T holding(TeamId team, String externalId, Supplier<T> work);
}
