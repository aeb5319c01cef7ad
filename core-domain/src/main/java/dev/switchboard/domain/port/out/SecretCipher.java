package dev.switchboard.domain.port.out;

/**
 * Keeps secrets (webhook signing secrets, teams' tool credentials) unreadable at rest. A sealed secret is
 * bound to its context, the row and purpose it belongs to (for example {@code "webhook-secret:<id>"}), so
 * a sealed value copied to another row or purpose does not open there.
 */
public interface SecretCipher {

    /** A new sealed text each time, even for the same plaintext; safe to store in a text column. */
    String seal(String plaintext, String context);

    /**
     * @throws dev.switchboard.domain.model.UnreadableSecretException when the sealed text was altered, was
     *         sealed for another context, or was sealed with a key this service no longer holds
     */
    String open(String sealed, String context);
}
