package dev.switchboard.adapters.persistence.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The keys that seal secrets at rest. Each is the base64 of 32 random bytes ({@code openssl rand -base64 32}).
 * To rotate: move the current key to {@code previous-keys}, set a new {@code key}; old values still open,
 * new ones are sealed with the new key. Never logged; only key ids (a hash prefix) are.
 */
@ConfigMapping(prefix = "switchboard.encryption")
public interface EncryptionConfig {

    /** Seals every new secret. {@code SWITCHBOARD_ENCRYPTION_KEY} in the environment. */
    String key();

    /** Keys that no longer seal but still open what they sealed. {@code SWITCHBOARD_ENCRYPTION_PREVIOUS_KEYS}, comma-separated. */
    Optional<List<String>> previousKeys();
}
