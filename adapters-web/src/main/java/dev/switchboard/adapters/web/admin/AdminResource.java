package dev.switchboard.adapters.web.admin;

import dev.switchboard.adapters.web.admin.AdminDtos.ApiKeyListResponse;
import dev.switchboard.adapters.web.admin.AdminDtos.ApiKeyResponse;
import dev.switchboard.adapters.web.admin.AdminDtos.AuditEntryResponse;
import dev.switchboard.adapters.web.admin.AdminDtos.AuditPageResponse;
import dev.switchboard.adapters.web.admin.AdminDtos.CreateTeamRequest;
import dev.switchboard.adapters.web.admin.AdminDtos.IssueKeyRequest;
import dev.switchboard.adapters.web.admin.AdminDtos.RotateKeyRequest;
import dev.switchboard.adapters.web.admin.AdminDtos.TeamPageResponse;
import dev.switchboard.adapters.web.admin.AdminDtos.TeamResponse;
import dev.switchboard.adapters.web.admin.AdminDtos.UpdateTeamRequest;
import dev.switchboard.adapters.web.PageLimits;
import dev.switchboard.adapters.web.security.Roles;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.ApiKeyNotFoundException;
import dev.switchboard.domain.model.AuditEntry;
import dev.switchboard.domain.model.IssuedApiKey;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.in.CreateTeamCommand;
import dev.switchboard.domain.port.in.CreateTeamUseCase;
import dev.switchboard.domain.port.in.GetTeamQuery;
import dev.switchboard.domain.port.in.IssueApiKeyCommand;
import dev.switchboard.domain.port.in.IssueApiKeyUseCase;
import dev.switchboard.domain.port.in.ListApiKeysQuery;
import dev.switchboard.domain.port.in.ListAuditEntriesQuery;
import dev.switchboard.domain.port.in.ListTeamsQuery;
import dev.switchboard.domain.port.in.RevokeApiKeyUseCase;
import dev.switchboard.domain.port.in.RotateApiKeyUseCase;
import dev.switchboard.domain.port.in.SetTeamRequestLimitUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's API, behind the admin token: teams, their keys, the audit trail. Not idempotent by
 * key on purpose: replaying a key's creation would mean keeping its secret in the idempotency store.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class AdminResource {

    private final CreateTeamUseCase createTeam;
    private final SetTeamRequestLimitUseCase setLimit;
    private final GetTeamQuery getTeam;
    private final ListTeamsQuery listTeams;
    private final IssueApiKeyUseCase issueKey;
    private final ListApiKeysQuery listKeys;
    private final RotateApiKeyUseCase rotateKey;
    private final RevokeApiKeyUseCase revokeKey;
    private final ListAuditEntriesQuery listAudit;

    AdminResource(CreateTeamUseCase createTeam, SetTeamRequestLimitUseCase setLimit, GetTeamQuery getTeam,
                  ListTeamsQuery listTeams, IssueApiKeyUseCase issueKey, ListApiKeysQuery listKeys,
                  RotateApiKeyUseCase rotateKey, RevokeApiKeyUseCase revokeKey, ListAuditEntriesQuery listAudit) {
        this.createTeam = createTeam;
        this.setLimit = setLimit;
        this.getTeam = getTeam;
        this.listTeams = listTeams;
        this.issueKey = issueKey;
        this.listKeys = listKeys;
        this.rotateKey = rotateKey;
        this.revokeKey = revokeKey;
        this.listAudit = listAudit;
    }

    @POST
    @Path("teams")
    @Operation(summary = "Add a team")
    public Response createTeam(@NotNull CreateTeamRequest body, @Context UriInfo uri) {
        Team team = createTeam.createTeam(new CreateTeamCommand(body.name(), body.requestsPerMinute()));
        return Response.created(uri.getBaseUriBuilder().path(AdminResource.class).path("teams").path(team.id().toString()).build())
                .entity(TeamResponse.of(team)).build();
    }

    @GET
    @Path("teams")
    @Operation(summary = "List teams, oldest first")
    public TeamPageResponse listTeams(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<Team> page = listTeams.listTeams(new PageRequest(PageLimits.parse(limit), Optional.ofNullable(cursor)));
        return new TeamPageResponse(page.items().stream().map(TeamResponse::of).toList(), page.nextCursor().orElse(null));
    }

    @GET
    @Path("teams/{teamId}")
    @Operation(summary = "Read a team")
    public TeamResponse getTeam(@PathParam("teamId") String teamId) {
        return TeamResponse.of(getTeam.getTeam(TeamId.parse(teamId)));
    }

    @PATCH
    @Path("teams/{teamId}")
    @Operation(summary = "Set a team's own request limit, or null for the service default")
    public TeamResponse updateTeam(@PathParam("teamId") String teamId, @NotNull UpdateTeamRequest body) {
        return TeamResponse.of(setLimit.setRequestLimit(TeamId.parse(teamId), body.requestsPerMinute()));
    }

    @POST
    @Path("teams/{teamId}/keys")
    @Operation(summary = "Issue an API key; its secret is in this answer only")
    public Response issueKey(@PathParam("teamId") String teamId, @NotNull IssueKeyRequest body, @Context UriInfo uri) {
        IssuedApiKey issued = issueKey.issueKey(new IssueApiKeyCommand(TeamId.parse(teamId), body.name(),
                Scope.parseAll("scopes", body.scopes())));
        return keyCreated(issued, uri);
    }

    @GET
    @Path("teams/{teamId}/keys")
    @Operation(summary = "List a team's API keys (never their secrets)")
    public ApiKeyListResponse listKeys(@PathParam("teamId") String teamId) {
        return new ApiKeyListResponse(listKeys.listKeys(TeamId.parse(teamId)).stream().map(ApiKeyResponse::of).toList());
    }

    @GET
    @Path("teams/{teamId}/keys/{keyId}")
    @Operation(summary = "Read one of a team's API keys (never its secret)")
    public ApiKeyResponse getKey(@PathParam("teamId") String teamId, @PathParam("keyId") String keyId) {
        ApiKeyId id = ApiKeyId.parse(keyId);
        return listKeys.listKeys(TeamId.parse(teamId)).stream().filter(k -> k.id().equals(id)).findFirst()
                .map(ApiKeyResponse::of)
                .orElseThrow(() -> new ApiKeyNotFoundException(keyId));
    }

    @POST
    @Path("teams/{teamId}/keys/{keyId}/rotate")
    @Operation(summary = "Replace a key with a new one with the same scopes; the old one works for overlapSeconds more")
    public Response rotateKey(@PathParam("teamId") String teamId, @PathParam("keyId") String keyId,
                              RotateKeyRequest body, @Context UriInfo uri) {
        long overlap = body == null || body.overlapSeconds() == null ? 0 : body.overlapSeconds();
        IssuedApiKey issued = rotateKey.rotateKey(TeamId.parse(teamId), ApiKeyId.parse(keyId), Duration.ofSeconds(overlap));
        return keyCreated(issued, uri);
    }

    @DELETE
    @Path("teams/{teamId}/keys/{keyId}")
    @Operation(summary = "Revoke a key at once")
    public ApiKeyResponse revokeKey(@PathParam("teamId") String teamId, @PathParam("keyId") String keyId) {
        return ApiKeyResponse.of(revokeKey.revokeKey(TeamId.parse(teamId), ApiKeyId.parse(keyId)));
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit trail, newest first, optionally for one team")
    public AuditPageResponse audit(@QueryParam("teamId") String teamId, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        Page<AuditEntry> page = listAudit.listAudit(Optional.ofNullable(teamId).map(TeamId::parse),
                new PageRequest(PageLimits.parse(limit), Optional.ofNullable(cursor)));
        return new AuditPageResponse(page.items().stream().map(AuditEntryResponse::of).toList(),
                page.nextCursor().orElse(null));
    }

    private static Response keyCreated(IssuedApiKey issued, UriInfo uri) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getBaseUriBuilder().path(AdminResource.class)
                        .path("teams").path(issued.key().teamId().toString()).path("keys")
                        .path(issued.key().id().toString()).build())
                .cacheControl(noStore)
                .entity(ApiKeyResponse.issued(issued)).build();
    }
}
