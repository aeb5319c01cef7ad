package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.TeamId;

/** Stops a key at once. Revoking a revoked key changes nothing and is not an error. */
public interface RevokeApiKeyUseCase {

    ApiKey revokeKey(TeamId team, ApiKeyId key);
}
