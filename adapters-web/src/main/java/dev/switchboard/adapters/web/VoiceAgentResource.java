package dev.switchboard.adapters.web;

import dev.switchboard.adapters.web.guard.Idempotent;
import dev.switchboard.adapters.web.guard.TeamRateLimited;
import dev.switchboard.adapters.web.security.Callers;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.port.in.CloneVoiceAgentCommand;
import dev.switchboard.domain.port.in.CloneVoiceAgentUseCase;
import dev.switchboard.domain.port.in.CreateVoiceAgentCommand;
import dev.switchboard.domain.port.in.CreateVoiceAgentUseCase;
import dev.switchboard.domain.port.in.GetVoiceAgentQuery;
import dev.switchboard.domain.port.in.ListVoiceAgentsQuery;
import dev.switchboard.domain.port.in.PlatformStatusQuery;
import dev.switchboard.domain.port.in.UpdateVoiceAgentCommand;
import dev.switchboard.domain.port.in.UpdateVoiceAgentUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PATCH;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The teams' voice-agent API. Every call acts for the team whose key sent it: another team's agent is
 * "not found". Speaks in-port types only; errors become problem+json in {@link ProblemMapper}.
 */
@Path("/api/v1/agents")
@TeamRateLimited
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A team API key (sbk_...) for the team API; the operator's admin token for /api/v1/admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Voice agents")
public class VoiceAgentResource {

    private final CreateVoiceAgentUseCase create;
    private final UpdateVoiceAgentUseCase update;
    private final GetVoiceAgentQuery get;
    private final ListVoiceAgentsQuery list;
    private final CloneVoiceAgentUseCase cloneAgent;
    private final PlatformStatusQuery platformStatus;
    private final SecurityIdentity identity;

    public VoiceAgentResource(CreateVoiceAgentUseCase create, UpdateVoiceAgentUseCase update, GetVoiceAgentQuery get,
                              ListVoiceAgentsQuery list, CloneVoiceAgentUseCase cloneAgent,
                              PlatformStatusQuery platformStatus, SecurityIdentity identity) {
        this.identity = identity;
        this.platformStatus = platformStatus;
        this.create = create;
        this.update = update;
        this.get = get;
        this.list = list;
        this.cloneAgent = cloneAgent;
    }

    @POST
    @RolesAllowed(Scope.Names.AGENTS_WRITE)
    @Idempotent
    @Operation(summary = "Create a voice agent on Hamsa and mirror it")
    public Response create(@Valid @NotNull CreateAgentRequest body, @Context UriInfo uri) {
        VoiceAgent agent = create.create(new CreateVoiceAgentCommand(team(), body.settings(), body.externalId(),
                body.attachments()));
        return created(agent, uri);
    }

    @GET
    @RolesAllowed(Scope.Names.AGENTS_READ)
    @Operation(summary = "List voice agents, oldest first, one page at a time")
    public AgentPageResponse list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<VoiceAgent> page = list.list(team(), new PageRequest(PageLimits.parse(limit), Optional.ofNullable(cursor)));
        boolean stale = agentsMayBeStale();
        return new AgentPageResponse(page.items().stream().map(a -> AgentResponse.of(a, stale)).toList(),
                page.nextCursor().orElse(null), stale);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scope.Names.AGENTS_READ)
    @Operation(summary = "Read a voice agent (from Switchboard's mirror; no Hamsa call)")
    public AgentResponse get(@PathParam("id") String id) {
        return AgentResponse.of(get.get(team(), VoiceAgentId.parse(id)), agentsMayBeStale());
    }

    /** Reads come from the mirror; while Hamsa's agents cannot be reached it cannot be brought up to date. */
    private boolean agentsMayBeStale() {
        return platformStatus.mirrorMayBeStale(PlatformArea.AGENTS);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Scope.Names.AGENTS_WRITE)
    @Idempotent
    @Operation(summary = "Change some settings of a voice agent")
    public Response update(@PathParam("id") String id, @Valid @NotNull UpdateAgentRequest body) {
        return Response.ok(AgentResponse.of(
                update.update(new UpdateVoiceAgentCommand(team(), VoiceAgentId.parse(id), body.changes(),
                        body.attachments())))).build();
    }

    @POST
    @Path("{id}/clone")
    @RolesAllowed(Scope.Names.AGENTS_WRITE)
    @Idempotent
    @Operation(summary = "Copy a voice agent into a new one")
    public Response cloneAgent(@PathParam("id") String id, @Valid CloneAgentRequest body, @Context UriInfo uri) {
        return cloneFrom(id, body, uri);
    }

    /**
     * The clone body is optional, and a client that sends none often sends no JSON content type either
     * (or a default text/plain): take that as an empty body. A non-JSON body that is not empty stays a 415.
     */
    @POST
    @Path("{id}/clone")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scope.Names.AGENTS_WRITE)
    @Idempotent
    @Operation(hidden = true)
    public Response cloneAgentWithoutBody(@PathParam("id") String id, byte[] body, @Context UriInfo uri) {
        if (body != null && body.length > 0) {
            throw new NotSupportedException("The clone body, when given, must be application/json");
        }
        return cloneFrom(id, null, uri);
    }

    /** Private, so the guards around the two clone endpoints run once per request, not again in here. */
    private Response cloneFrom(String id, CloneAgentRequest body, UriInfo uri) {
        CloneAgentRequest request = body == null ? new CloneAgentRequest(null, null) : body;
        VoiceAgent copy = cloneAgent.cloneAgent(
                new CloneVoiceAgentCommand(team(), VoiceAgentId.parse(id), request.name(), request.externalId()));
        return created(copy, uri);
    }

    private TeamId team() {
        return Callers.of(identity).team();
    }

    static URI location(UriInfo uri, VoiceAgentId id) {
        return uri.getBaseUriBuilder().path(VoiceAgentResource.class).path(id.toString()).build();
    }

    private static Response created(VoiceAgent agent, UriInfo uri) {
        return Response.created(location(uri, agent.id())).entity(AgentResponse.of(agent)).build();
    }
}
