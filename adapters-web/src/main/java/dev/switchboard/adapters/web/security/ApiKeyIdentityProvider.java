package dev.switchboard.adapters.web.security;

import dev.switchboard.domain.model.Caller;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.port.in.AuthenticateApiKeyUseCase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a team's API key into an identity whose roles are the key's scopes, and which carries the {@link Caller}. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final AuthenticateApiKeyUseCase authenticate;

    ApiKeyIdentityProvider(AuthenticateApiKeyUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // The lookup reads Postgres: off the event loop.
        return context.runBlocking(() -> authenticate.authenticate(request.key())
                .map(ApiKeyIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown, malformed or revoked API key")));
    }

    private static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("key:" + caller.key()))
                .addAttribute(Callers.ATTRIBUTE, caller);
        caller.scopes().stream().map(Scope::wire).forEach(builder::addRole);
        return builder.build();
    }
}
