package dev.switchboard.adapters.web;

import dev.switchboard.adapters.web.guard.Idempotent;
import dev.switchboard.adapters.web.guard.TeamRateLimited;
import dev.switchboard.adapters.web.security.Callers;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.port.in.CancelCallUseCase;
import dev.switchboard.domain.port.in.GetCallQuery;
import dev.switchboard.domain.port.in.ListCallsQuery;
import dev.switchboard.domain.port.in.PlaceCallCommand;
import dev.switchboard.domain.port.in.PlaceCallUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The teams' call API. Placing a call answers 202 at once: the call is stored with its dispatch job, and goes
 * to Hamsa when the shared quota gives it a turn. Reads never call Hamsa.
 */
@Path("/api/v1/calls")
@TeamRateLimited
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calls")
public class CallResource {

    private final PlaceCallUseCase place;
    private final GetCallQuery get;
    private final ListCallsQuery list;
    private final CancelCallUseCase cancel;
    private final SecurityIdentity identity;

    public CallResource(PlaceCallUseCase place, GetCallQuery get, ListCallsQuery list, CancelCallUseCase cancel,
                        SecurityIdentity identity) {
        this.place = place;
        this.get = get;
        this.list = list;
        this.cancel = cancel;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.Names.CALLS_WRITE)
    @Idempotent
    @Operation(summary = "Ask for a phone call or a web conversation; answers 202 with the call, QUEUED")
    public Response place(@Valid @NotNull PlaceCallRequest body, @Context UriInfo uri) {
        Call call = place.place(new PlaceCallCommand(team(), agentId(body.agentId()), body.channelOrDefault(),
                body.toNumber(), body.fromNumber(), body.params(), body.externalId()));
        return Response.accepted(CallResponse.of(call)).location(location(uri, call.id())).build();
    }

    @GET
    @RolesAllowed(Scope.Names.CALLS_READ)
    @Operation(summary = "List calls, newest first, one page at a time")
    public CallPageResponse list(@QueryParam("agentId") String agentId, @QueryParam("status") String status,
                                 @QueryParam("externalId") String externalId,
                                 @QueryParam("createdAfter") String createdAfter,
                                 @QueryParam("createdBefore") String createdBefore,
                                 @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        CallFilter filter = new CallFilter(
                blank(agentId) ? Optional.empty() : Optional.of(agentFilter(agentId)),
                blank(status) ? Optional.empty() : Optional.of(CallStatus.parse("status", status)),
                blank(externalId) ? Optional.empty() : Optional.of(externalId),
                instant("createdAfter", createdAfter), instant("createdBefore", createdBefore));
        Page<Call> page = list.list(team(), filter, new PageRequest(PageLimits.parse(limit), Optional.ofNullable(cursor)));
        return new CallPageResponse(page.items().stream().map(CallResponse::of).toList(), page.nextCursor().orElse(null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scope.Names.CALLS_READ)
    @Operation(summary = "Read a call: status, transcript, outcome, recording and timeline")
    public CallResponse get(@PathParam("id") String id) {
        return CallResponse.of(get.get(team(), CallId.parse(id)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scope.Names.CALLS_WRITE)
    @Idempotent
    @Operation(summary = "Cancel a call that is still QUEUED; 409 once it left the queue")
    public CallResponse cancel(@PathParam("id") String id) {
        return CallResponse.of(cancel.cancel(team(), CallId.parse(id)));
    }

    private TeamId team() {
        return Callers.of(identity).team();
    }

    /** In a body, an agent id that is not a UUID names no agent: the same answer as an unknown one. */
    private static VoiceAgentId agentId(String text) {
        return agentId(text, "names no voice agent of your team");
    }

    private static VoiceAgentId agentFilter(String text) {
        return agentId(text, "must be a voice agent id");
    }

    private static VoiceAgentId agentId(String text, String otherwise) {
        try {
            return new VoiceAgentId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("agentId", otherwise);
        }
    }

    private static Optional<Instant> instant(String field, String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be an ISO-8601 instant such as 2026-01-15T14:35:00Z");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public static URI location(UriInfo uri, CallId id) {
        return uri.getBaseUriBuilder().path(CallResource.class).path(id.toString()).build();
    }
}
