package dev.switchboard.adapters.web.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane one, else a new one.
 * It goes back in the response and into the audit trail, so a team and an operator can talk about
 * the same request.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    static final String PROPERTY = "switchboard.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        request.setProperty(PROPERTY, given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? "unknown" : id.toString();
    }
}
