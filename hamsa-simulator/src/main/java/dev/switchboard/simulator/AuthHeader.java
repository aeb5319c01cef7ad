package dev.switchboard.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The {@code Authorization} header as Hamsa reads it: {@code Token <apiKey>}. */
record AuthHeader(String raw, String scheme, String credentials) {

    static final String ANONYMOUS = "anonymous";

    static AuthHeader parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new AuthHeader(null, null, null);
        }
        String trimmed = raw.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new AuthHeader(raw, null, null);
        }
        return new AuthHeader(raw, trimmed.substring(0, space), trimmed.substring(space + 1).trim());
    }

    /** Requests with a bad key still count against the key they presented, so a broken client trips its own limit. */
    String rateLimitKey() {
        if (raw == null) {
            return ANONYMOUS;
        }
        return credentials != null ? credentials : raw;
    }

    boolean carries(String apiKey) {
        // Auth schemes are case-insensitive (RFC 7235); the key itself is compared exactly, in constant time.
        return "Token".equalsIgnoreCase(scheme)
                && credentials != null
                && MessageDigest.isEqual(
                        credentials.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the scheme so a reader can tell which kind of credential was sent, and nothing else. */
    static String mask(String raw) {
        AuthHeader header = parse(raw);
        if (header.raw() == null) {
            return raw;
        }
        return header.scheme() == null ? "***" : header.scheme() + " ***";
    }
}
