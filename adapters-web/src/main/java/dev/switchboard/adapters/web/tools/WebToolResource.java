package dev.switchboard.adapters.web.tools;

import dev.switchboard.adapters.web.PageLimits;
import dev.switchboard.adapters.web.guard.Idempotent;
import dev.switchboard.adapters.web.guard.TeamRateLimited;
import dev.switchboard.adapters.web.security.Callers;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.port.in.CreateWebToolCommand;
import dev.switchboard.domain.port.in.CreateWebToolUseCase;
import dev.switchboard.domain.port.in.GetWebToolQuery;
import dev.switchboard.domain.port.in.ListWebToolsQuery;
import dev.switchboard.domain.port.in.SetWebToolActiveUseCase;
import dev.switchboard.domain.port.in.TestWebToolUseCase;
import dev.switchboard.domain.port.in.UpdateWebToolCommand;
import dev.switchboard.domain.port.in.UpdateWebToolUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The teams' web-tool API. A tool's auth token goes in once and never comes out: answers say only whether one
 * is set. Another team's tool is "not found".
 */
@Path("/api/v1/tools")
@TeamRateLimited
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Web tools")
public class WebToolResource {

    private final CreateWebToolUseCase create;
    private final UpdateWebToolUseCase update;
    private final GetWebToolQuery get;
    private final ListWebToolsQuery list;
    private final SetWebToolActiveUseCase setActive;
    private final TestWebToolUseCase test;
    private final SecurityIdentity identity;

    public WebToolResource(CreateWebToolUseCase create, UpdateWebToolUseCase update, GetWebToolQuery get,
                           ListWebToolsQuery list, SetWebToolActiveUseCase setActive, TestWebToolUseCase test,
                           SecurityIdentity identity) {
        this.create = create;
        this.update = update;
        this.get = get;
        this.list = list;
        this.setActive = setActive;
        this.test = test;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.Names.TOOLS_WRITE)
    @Idempotent
    @Operation(summary = "Create a web tool on Hamsa (server URL checked, parameters checked as a JSON Schema)")
    public Response create(@NotNull WebToolRequests.Create body, @Context UriInfo uri) {
        WebToolRequests.Settings s = body.toolSettings() == null
                ? new WebToolRequests.Settings(null, null, null, null, null, null) : body.toolSettings();
        WebTool tool = create.create(new CreateWebToolCommand(team(), body.type(), body.name(), body.description(),
                s.serverUrl(), s.methodType(), s.timeOut(), s.httpHeaders(), s.pathParameters(), body.params(),
                s.authToken()));
        return Response.created(location(uri, tool.id())).entity(WebToolResponses.Tool.of(tool)).build();
    }

    @GET
    @RolesAllowed(Scope.Names.TOOLS_READ)
    @Operation(summary = "List web tools, oldest first, one page at a time")
    public WebToolResponses.PageResponse list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<WebTool> page = list.list(team(), new PageRequest(PageLimits.parse(limit), Optional.ofNullable(cursor)));
        return new WebToolResponses.PageResponse(page.items().stream().map(WebToolResponses.Tool::of).toList(),
                page.nextCursor().orElse(null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scope.Names.TOOLS_READ)
    @Operation(summary = "Read a web tool (its auth token is never shown)")
    public WebToolResponses.Tool get(@PathParam("id") String id) {
        return WebToolResponses.Tool.of(get.get(team(), WebToolId.parse(id)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Scope.Names.TOOLS_WRITE)
    @Idempotent
    @Operation(summary = "Change some of a web tool; toolSettings.authToken \"\" removes the token")
    public WebToolResponses.Tool update(@PathParam("id") String id, @NotNull WebToolRequests.Update body) {
        return WebToolResponses.Tool.of(update.update(new UpdateWebToolCommand(team(), WebToolId.parse(id), body.changes())));
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed(Scope.Names.TOOLS_WRITE)
    @Idempotent
    @Operation(summary = "Have Hamsa call the tool's server once with the given arguments, and see its answer")
    public WebToolResponses.TestResult test(@PathParam("id") String id, WebToolRequests.Test body) {
        return runTest(id, body);
    }

    /** The test body is optional: no body (and then often no JSON content type) means no arguments. */
    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scope.Names.TOOLS_WRITE)
    @Idempotent
    @Operation(hidden = true)
    public WebToolResponses.TestResult testWithoutBody(@PathParam("id") String id, byte[] body) {
        if (body != null && body.length > 0) {
            throw new NotSupportedException("The test body, when given, must be application/json");
        }
        return runTest(id, null);
    }

    private WebToolResponses.TestResult runTest(String id, WebToolRequests.Test body) {
        Map<String, Object> arguments = body == null || body.arguments() == null ? Map.of() : body.arguments();
        return WebToolResponses.TestResult.of(test.test(team(), WebToolId.parse(id), arguments));
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scope.Names.TOOLS_WRITE)
    @Idempotent
    @Operation(summary = "Let agents call the tool")
    public WebToolResponses.Tool activate(@PathParam("id") String id) {
        return WebToolResponses.Tool.of(setActive.setActive(team(), WebToolId.parse(id), true));
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scope.Names.TOOLS_WRITE)
    @Idempotent
    @Operation(summary = "Stop agents calling the tool, without deleting it")
    public WebToolResponses.Tool deactivate(@PathParam("id") String id) {
        return WebToolResponses.Tool.of(setActive.setActive(team(), WebToolId.parse(id), false));
    }

    private TeamId team() {
        return Callers.of(identity).team();
    }

    public static URI location(UriInfo uri, WebToolId id) {
        return uri.getBaseUriBuilder().path(WebToolResource.class).path(id.toString()).build();
    }
}
