package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.TeamId;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    void insert(ApiKey key);

    /** Stores the key's new stop time; nothing else about a key ever changes. */
    void updateRevokedAt(ApiKey key);

    Optional<ApiKey> findBySecretHash(String secretHash);

    /** The key, if it belongs to this team. */
    Optional<ApiKey> findById(TeamId team, ApiKeyId id);

    List<ApiKey> listByTeam(TeamId team);
}
