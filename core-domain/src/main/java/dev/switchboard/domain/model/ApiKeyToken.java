package dev.switchboard.domain.model;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret form of an API key: {@code sbk_} then 32 random bytes in base64url (43 characters).
 * 256 random bits make a plain SHA-256 a safe thing to store: unlike a password there is nothing to
 * guess, so a slow hash would only slow every request down.
 */
public final class ApiKeyToken {

    public static final String PREFIX = "sbk_";
    private static final int SECRET_BYTES = 32;
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;
    private static final int SHOWN_CHARS = PREFIX.length() + 6;

    private ApiKeyToken() {
    }

    public static String generate(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Cheap shape check before any lookup: right prefix, right length, base64url alphabet only. */
    public static boolean wellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }

    /** What may be shown of a key after its creation: enough to recognise it, far too little to use it. */
    public static String shownPrefix(String token) {
        return token.substring(0, SHOWN_CHARS);
    }
}
