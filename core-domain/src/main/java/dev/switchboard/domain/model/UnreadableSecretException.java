package dev.switchboard.domain.model;

/**
 * A sealed secret that cannot be opened: altered, sealed for another context, malformed, or sealed with a
 * key no longer configured. An integrity or operations fault, never the client's; its message names the
 * reason and never the secret, the context or any key.
 */
public final class UnreadableSecretException extends RuntimeException {

    public UnreadableSecretException(String reason) {
        super("Sealed secret cannot be opened: " + reason);
    }
}
