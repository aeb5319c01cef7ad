package dev.switchboard.adapters.web.security;

import dev.switchboard.domain.model.Caller;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/** The team behind a request, from its security identity. */
public final class Callers {

    static final String ATTRIBUTE = "switchboard.caller";

    private Callers() {
    }

    public static Optional<Caller> find(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous()
                ? Optional.empty()
                : Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }

    /** The caller of a team endpoint; only reached after the endpoint's scope check passed. */
    public static Caller of(SecurityIdentity identity) {
        return find(identity).orElseThrow(UnauthorizedException::new);
    }

    public static boolean isAdmin(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.hasRole(Roles.ADMIN);
    }
}
