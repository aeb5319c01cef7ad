package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.IssuedApiKey;
import dev.switchboard.domain.model.TeamId;
import java.time.Duration;

/**
 * Replaces a key with a new one of the same name and scopes. The old key keeps working for
 * {@code overlap} (zero: it stops at once), so a team can roll its deployments over.
 */
public interface RotateApiKeyUseCase {

    Duration MAX_OVERLAP = Duration.ofDays(7);

    IssuedApiKey rotateKey(TeamId team, ApiKeyId key, Duration overlap);
}
