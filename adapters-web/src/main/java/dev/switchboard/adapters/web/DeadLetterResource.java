package dev.switchboard.adapters.web;

import dev.switchboard.adapters.web.security.Roles;
import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.port.in.DeadLettersUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of Hamsa events that failed to apply too many times, and their replay. */
@Path("/api/v1/admin/webhooks/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class DeadLetterResource {

    private final DeadLettersUseCase deadLetters;

    DeadLetterResource(DeadLettersUseCase deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Schema(name = "DeadLetter")
    public record DeadLetterResponse(long id, String callId, String eventType, String dedupKey, int attempts,
                                     String lastError, Instant receivedAt, Instant deadAt) {
        static DeadLetterResponse of(DeadLetter d) {
            return new DeadLetterResponse(d.id(), d.callId().toString(), d.eventType(), d.dedupKey(), d.attempts(),
                    d.lastError(), d.receivedAt(), d.deadAt());
        }
    }

    @Schema(name = "DeadLetterPage")
    public record DeadLetterPage(List<DeadLetterResponse> items, String nextCursor) {
    }

    @Schema(name = "Replayed")
    public record Replayed(int replayed) {
    }

    @GET
    @Operation(summary = "Events that failed to apply too many times, oldest first")
    public DeadLetterPage list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<DeadLetter> page = deadLetters.list(new PageRequest(PageLimits.parse(limit), Optional.ofNullable(cursor)));
        return new DeadLetterPage(page.items().stream().map(DeadLetterResponse::of).toList(), page.nextCursor().orElse(null));
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Put one dead letter back in the inbox, to be applied again")
    public Replayed replay(@PathParam("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No dead letter " + id);
        }
        if (!deadLetters.replay(number)) {
            throw new NotFoundException("No dead letter " + id);
        }
        return new Replayed(1);
    }

    @POST
    @Path("replay")
    @Operation(summary = "Put every dead letter back in the inbox")
    public Replayed replayAll() {
        return new Replayed(deadLetters.replayAll());
    }
}
