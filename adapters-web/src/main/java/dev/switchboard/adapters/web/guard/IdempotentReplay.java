package dev.switchboard.adapters.web.guard;

import jakarta.ws.rs.core.Response;

/**
 * The stored answer to a repeated request, thrown by {@link IdempotencyInterceptor} instead of returned: an
 * interceptor may only return what the endpoint's method returns, and most endpoints return their own record,
 * not a {@link Response} (returning one from those was a ClassCastException, a 500, on every replay).
 */
public final class IdempotentReplay extends RuntimeException {

    private final transient Response response;

    IdempotentReplay(Response response) {
        super("idempotent replay", null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
