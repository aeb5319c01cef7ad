package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Caller;
import java.util.Optional;

/** Finds who holds a presented key. Empty for a malformed, unknown or revoked key, with no hint which. */
public interface AuthenticateApiKeyUseCase {

    Optional<Caller> authenticate(String presentedKey);
}
