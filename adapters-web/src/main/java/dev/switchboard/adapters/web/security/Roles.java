package dev.switchboard.adapters.web.security;

/** The role an operator's admin token carries; team keys carry their scopes ({@code agents:read}...) as roles. */
public final class Roles {

    public static final String ADMIN = "switchboard:admin";

    private Roles() {
    }
}
