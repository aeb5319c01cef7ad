package dev.switchboard.adapters.web.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapters.web.security.Callers;
import dev.switchboard.domain.model.Admission;
import dev.switchboard.domain.model.AuditEntry;
import dev.switchboard.domain.model.Caller;
import dev.switchboard.domain.model.RecordedResponse;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.in.IdempotentRequestsUseCase;
import dev.switchboard.domain.port.in.RecordAuditEntryUseCase;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The outbound half of the guards, on every response: the request id and RateLimit headers, the
 * idempotency answer stored (or the key released), and the audit entry for a change. The stores are
 * written before the response leaves, so an answer the client saw is an answer that was kept.
 */
public class ResponseFinisher {

    private static final Logger LOG = Logger.getLogger(ResponseFinisher.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern UUID_SEGMENT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TEAM_IN_ADMIN_PATH = Pattern.compile("/admin/teams/(" + UUID_SEGMENT.pattern() + ")");
    private static final int ACTION_MAX = 300;

    private final RequestState state;
    private final IdempotentRequestsUseCase idempotency;
    private final RecordAuditEntryUseCase audit;
    private final RoutingContext routing;
    private final ObjectMapper json;
    private final Clock clock;

    ResponseFinisher(RequestState state, IdempotentRequestsUseCase idempotency, RecordAuditEntryUseCase audit,
                     RoutingContext routing, ObjectMapper json, Clock clock) {
        this.state = state;
        this.idempotency = idempotency;
        this.audit = audit;
        this.routing = routing;
        this.json = json;
        this.clock = clock;
    }

    @ServerResponseFilter
    public Uni<Void> finish(ContainerRequestContext request, ContainerResponseContext response) {
        String requestId = RequestIdFilter.of(request);
        response.getHeaders().putSingle(RequestIdFilter.HEADER, requestId);
        Admission admission = state.admission();
        if (admission != null && admission.counted()) {
            response.getHeaders().putSingle(RateLimitFields.POLICY, RateLimitFields.policy(admission));
            response.getHeaders().putSingle(RateLimitFields.STATE, RateLimitFields.state(admission));
        }
        RequestState.Claim claim = state.takeClaim();
        boolean change = CHANGES.contains(request.getMethod()) && request.getUriInfo().getPath().startsWith("/api/");
        if (claim == null && !change) {
            return Uni.createFrom().voidItem();
        }
        SecurityIdentity identity = routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        Runnable work = () -> {
            if (claim != null) {
                keepAnswer(claim, response);
            }
            if (change) {
                record(identity, request, response, requestId);
            }
        };
        if (BlockingOperationControl.isBlockingAllowed()) {
            work.run();
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            work.run();
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * A 400 (nothing was done) or a 5xx (nothing was done, or nothing finished) releases the key so a retry
     * runs again; any other answer is the request's outcome and is what every retry gets. So is an answer
     * saying Hamsa may have carried the request out: running it again could do it twice.
     */
    private void keepAnswer(RequestState.Claim claim, ContainerResponseContext response) {
        int status = response.getStatus();
        try {
            boolean outcomeUnknown = response.getEntity() instanceof CodedOutcome coded && coded.outcomeUnknown();
            if ((status == 400 || status >= 500) && !outcomeUnknown) {
                idempotency.release(claim.key(), claim.token());
                return;
            }
            Object entity = response.getEntity();
            byte[] body = entity == null ? new byte[0] : entity instanceof byte[] raw ? raw : json.writeValueAsBytes(entity);
            String type = response.getMediaType() == null ? null : response.getMediaType().toString();
            idempotency.complete(claim.key(), claim.token(),
                    new RecordedResponse(status, type, response.getHeaderString("Location"), body));
        } catch (Exception e) {
            // The work is done and the client gets its answer; a retry within the lease gets 409, and
            // after it may run again. Said loudly, since that is the one way a retry can repeat work.
            LOG.errorf("Could not keep the idempotent answer (status %d): %s", status, e.toString());
        }
    }

    private void record(SecurityIdentity identity, ContainerRequestContext request, ContainerResponseContext response,
                        String requestId) {
        if (identity == null || identity.isAnonymous()) {
            return; // no one to name: a refused credential is not a change
        }
        String path = request.getUriInfo().getPath();
        Caller caller = Callers.find(identity).orElse(null);
        boolean admin = caller == null && Callers.isAdmin(identity);
        if (caller == null && !admin) {
            return;
        }
        Object entity = response.getEntity();
        String outcome = state.replayed() ? "replayed" : entity instanceof CodedOutcome coded ? coded.code() : "ok";
        try {
            audit.record(new AuditEntry(UUID.randomUUID(), clock.instant(),
                    admin ? AuditEntry.ACTOR_ADMIN : AuditEntry.ACTOR_TEAM,
                    admin ? teamInPath(path) : caller.team(),
                    admin ? null : caller.key(),
                    action(request.getMethod(), path), target(path, response), requestId, response.getStatus(), outcome));
        } catch (RuntimeException e) {
            LOG.errorf("Could not write the audit entry for request %s: %s", requestId, e.toString());
        }
    }

    /** {@code POST /api/v1/agents/3fa8.../clone} becomes {@code POST /api/v1/agents/{id}/clone}. */
    static String action(String method, String path) {
        String action = method + " " + UUID_SEGMENT.matcher(path).replaceAll("{id}");
        return action.length() > ACTION_MAX ? action.substring(0, ACTION_MAX) : action;
    }

    /** The resource created (from Location) or else the last id in the path. */
    static String target(String path, ContainerResponseContext response) {
        String location = response.getHeaderString("Location");
        String source = location != null && response.getStatus() == 201 ? location : path;
        Matcher m = UUID_SEGMENT.matcher(source);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last;
    }

    private static TeamId teamInPath(String path) {
        Matcher m = TEAM_IN_ADMIN_PATH.matcher(path);
        return m.find() ? new TeamId(UUID.fromString(m.group(1))) : null;
    }
}
