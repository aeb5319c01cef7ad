package dev.switchboard.adapters.web.admin;

import dev.switchboard.domain.model.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A client that sends an Idempotency-Key to the admin API expects its retries to be safe; they are not
 * there (issuing a key again on a retry would mean keeping its secret), so it is told, not ignored.
 */
public class AdminIdempotencyRefusal {

    @ServerRequestFilter
    public void refuse(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/v1/admin") && request.getHeaderString("Idempotency-Key") != null) {
            throw InvalidInputException.of("Idempotency-Key",
                    "is not taken by the admin API: a retried key issue would need its secret kept");
        }
    }
}
