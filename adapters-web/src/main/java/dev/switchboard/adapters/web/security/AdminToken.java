package dev.switchboard.adapters.web.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The operator's bootstrap credential ({@code SWITCHBOARD_ADMIN_TOKEN}). Without one the admin API
 * refuses everyone; a short one stops the service at startup rather than guard teams weakly.
 */
@ApplicationScoped
public class AdminToken {

    static final int MIN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(AdminToken.class);

    private final Optional<byte[]> digest;

    AdminToken(@ConfigProperty(name = "switchboard.admin.token") Optional<String> token) {
        Optional<String> given = token.map(String::strip).filter(t -> !t.isEmpty());
        given.ifPresent(t -> {
            if (t.length() < MIN_LENGTH) {
                throw new IllegalStateException("switchboard.admin.token (SWITCHBOARD_ADMIN_TOKEN) must be at least "
                        + MIN_LENGTH + " characters; generate one with: openssl rand -base64 32");
            }
        });
        this.digest = given.map(AdminToken::sha256);
    }

    void checkAtStartup(@Observes StartupEvent event) {
        if (digest.isEmpty()) {
            LOG.warn("No SWITCHBOARD_ADMIN_TOKEN set: the admin API (/api/v1/admin) refuses every request");
        }
    }

    /** Compares digests in constant time, so the comparison's duration says nothing about the token. */
    boolean matches(String presented) {
        return digest.isPresent() && presented != null && MessageDigest.isEqual(digest.get(), sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
