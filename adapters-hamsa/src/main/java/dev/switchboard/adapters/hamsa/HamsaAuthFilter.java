package dev.switchboard.adapters.hamsa;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Adds {@code Authorization: Token <key>}. The key lives only here; toString never shows it. */
final class HamsaAuthFilter implements ClientRequestFilter {

    private final String headerValue;

    HamsaAuthFilter(String apiKey) {
        this.headerValue = apiKey == null || apiKey.isBlank() ? null : "Token " + apiKey;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (headerValue != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, headerValue);
        }
    }

    @Override
    public String toString() {
        return "HamsaAuthFilter[key=***]";
    }
}
