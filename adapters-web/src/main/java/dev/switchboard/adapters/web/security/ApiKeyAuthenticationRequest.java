package dev.switchboard.adapters.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A presented team API key, on its way to {@link ApiKeyIdentityProvider}. */
final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[<hidden>]";
    }
}
