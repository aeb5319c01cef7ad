package dev.switchboard.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The secret Hamsa presents when it sends a call's webhooks ({@code Authorization: Bearer <secret>}). Switchboard
 * keeps it sealed (to give it to Hamsa again if a dispatch is retried) and as a SHA-256 digest, which is what a
 * delivery is checked against: in constant time, and without opening the sealed copy on every event.
 */
public final class WebhookSecret {

    /** The scheme Switchboard gives Hamsa as {@code webhookAuth.authKey}. */
    public static final String AUTH_KEY = "Bearer";
    private static final int BYTES = 32;

    private final String value;

    private WebhookSecret(String value) {
        this.value = value;
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new WebhookSecret("whs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static WebhookSecret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is not empty");
        }
        return new WebhookSecret(value);
    }

    public String reveal() {
        return value;
    }

    public String digest() {
        return digestOf(value);
    }

    /**
     * Whether an {@code Authorization} header presents the secret whose digest is given: {@code Bearer <secret>}
     * (any case of the scheme), or the bare secret. Compared digest to digest in constant time.
     */
    public static boolean presentedIn(String authorization, String expectedDigest) {
        if (authorization == null || expectedDigest == null) {
            return false;
        }
        String token = authorization.strip();
        if (token.length() > AUTH_KEY.length() && token.substring(0, AUTH_KEY.length() + 1)
                .toLowerCase(Locale.ROOT).equals(AUTH_KEY.toLowerCase(Locale.ROOT) + " ")) {
            token = token.substring(AUTH_KEY.length() + 1).strip();
        }
        return MessageDigest.isEqual(digestOf(token).getBytes(StandardCharsets.US_ASCII),
                expectedDigest.getBytes(StandardCharsets.US_ASCII));
    }

    static String digestOf(String text) {
        return Sha256.hex(text);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
