package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void insert(ApiKey key);

    /**
     * Stores the key's new stop time, but only if the stored key works until later than that (or for
     * ever): a stop time only ever moves earlier, and of two racing rotations only one wins.
     *
     * @return whether the stop time was stored
     * @throws dev.switchboard.domain.model.ApiKeyNotFoundException if there is no such key
     */
    boolean stopEarlier(ApiKey key);

    /** A key and the team that holds it: what every request's authentication needs, read at once. */
    record KeyAndTeam(ApiKey key, Team team) {
    }

    Optional<KeyAndTeam> findWithTeamBySecretHash(String secretHash);

    /** The key, if it belongs to this team. */
    Optional<ApiKey> findById(TeamId team, ApiKeyId id);

    List<ApiKey> listByTeam(TeamId team);
}
