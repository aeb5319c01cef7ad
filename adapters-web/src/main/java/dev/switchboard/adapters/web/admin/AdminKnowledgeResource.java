package dev.switchboard.adapters.web.admin;

import dev.switchboard.adapters.web.security.Roles;
import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.in.KnowledgeBudgetUseCase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of a team's knowledge storage, and the budget they give it. */
@Path("/api/v1/admin/teams/{teamId}/knowledge-storage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class AdminKnowledgeResource {

    private final KnowledgeBudgetUseCase budgets;

    AdminKnowledgeResource(KnowledgeBudgetUseCase budgets) {
        this.budgets = budgets;
    }

    @GET
    @Operation(summary = "A team's knowledge storage: used and budget, and the account's used and limit")
    public StorageResponse get(@PathParam("teamId") String teamId) {
        return StorageResponse.of(budgets.storage(TeamId.parse(teamId)));
    }

    @PUT
    @Operation(summary = "Set a team's knowledge budget in bytes, or null for the service default")
    public StorageResponse set(@PathParam("teamId") String teamId, @NotNull BudgetRequest body) {
        return StorageResponse.of(budgets.setBudget(TeamId.parse(teamId), body.budgetBytes()));
    }

    @Schema(name = "KnowledgeBudgetRequest")
    record BudgetRequest(@Schema(description = "Bytes; null puts the team back on the default") Long budgetBytes) {
    }

    @Schema(name = "KnowledgeStorage")
    @RegisterForReflection
    record StorageResponse(long teamUsedBytes, long teamBudgetBytes, long accountUsedBytes, long accountLimitBytes) {

        static StorageResponse of(KnowledgeStorage s) {
            return new StorageResponse(s.teamUsedBytes(), s.teamBudgetBytes(), s.accountUsedBytes(), s.accountLimitBytes());
        }
    }
}
