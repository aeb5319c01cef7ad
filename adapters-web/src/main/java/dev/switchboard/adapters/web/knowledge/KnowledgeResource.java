package dev.switchboard.adapters.web.knowledge;

import dev.switchboard.adapters.web.PageLimits;
import dev.switchboard.adapters.web.PayloadTooLargeException;
import dev.switchboard.adapters.web.guard.Idempotent;
import dev.switchboard.adapters.web.guard.TeamRateLimited;
import dev.switchboard.adapters.web.security.Callers;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeType;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.in.AddKnowledgeItemCommand;
import dev.switchboard.domain.port.in.AddKnowledgeItemUseCase;
import dev.switchboard.domain.port.in.AddKnowledgeUrlsUseCase;
import dev.switchboard.domain.port.in.DeleteKnowledgeItemUseCase;
import dev.switchboard.domain.port.in.GetKnowledgeItemQuery;
import dev.switchboard.domain.port.in.ListKnowledgeItemsQuery;
import dev.switchboard.domain.port.in.SetKnowledgeItemActiveUseCase;
import dev.switchboard.domain.port.in.UpdateKnowledgeItemCommand;
import dev.switchboard.domain.port.in.UpdateKnowledgeItemUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The teams' knowledge-base API. Every call acts for the team whose key sent it: another team's item is "not
 * found". Reads come from Switchboard's record; the item's status is Hamsa's, brought up to date in the background.
 */
@Path("/api/v1/knowledge")
@TeamRateLimited
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base")
public class KnowledgeResource {

    private final AddKnowledgeItemUseCase add;
    private final GetKnowledgeItemQuery get;
    private final ListKnowledgeItemsQuery list;
    private final UpdateKnowledgeItemUseCase update;
    private final DeleteKnowledgeItemUseCase delete;
    private final AddKnowledgeUrlsUseCase addUrls;
    private final SetKnowledgeItemActiveUseCase setActive;
    private final SecurityIdentity identity;
    private final long maxFileBytes;

    public KnowledgeResource(AddKnowledgeItemUseCase add, GetKnowledgeItemQuery get, ListKnowledgeItemsQuery list,
                             UpdateKnowledgeItemUseCase update, DeleteKnowledgeItemUseCase delete,
                             AddKnowledgeUrlsUseCase addUrls, SetKnowledgeItemActiveUseCase setActive,
                             SecurityIdentity identity,
                             @ConfigProperty(name = "switchboard.knowledge.max-file-size") io.quarkus.runtime.configuration.MemorySize maxFile) {
        this.maxFileBytes = maxFile.asLongValue();
        this.add = add;
        this.get = get;
        this.list = list;
        this.update = update;
        this.delete = delete;
        this.addUrls = addUrls;
        this.setActive = setActive;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.Names.KNOWLEDGE_WRITE)
    @Idempotent
    @Operation(summary = "Add a TEXT or URL item; Hamsa processes it, and its status follows")
    public Response create(@Valid @NotNull KnowledgeRequests.Create body, @Context UriInfo uri) {
        if (body.type() == KnowledgeType.FILE) {
            throw InvalidInputException.of("type", "a FILE item is uploaded as multipart/form-data, with the parts "
                    + "'name' and 'file'");
        }
        return created(add.add(new AddKnowledgeItemCommand(team(), body.name(), body.type(), body.content(), body.urls(),
                null, null)), uri);
    }

    /** The file's type is judged by its bytes, and must agree with its name's extension. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Scope.Names.KNOWLEDGE_WRITE)
    @Idempotent
    @Operation(summary = "Upload a FILE item (PDF, DOCX, DOC, TXT, HTML, EPUB) as multipart/form-data: parts name, file")
    public Response upload(@RestForm("name") String name, @RestForm("type") String type,
                           @RestForm("file") FileUpload file, @Context UriInfo uri) {
        if (type != null && !type.isBlank() && !type.trim().toUpperCase(Locale.ROOT).equals("FILE")) {
            throw InvalidInputException.of("type", "must be FILE (or left out) for an upload; TEXT and URL items are JSON");
        }
        if (file == null) {
            throw InvalidInputException.of("file", "must be a file part of the form");
        }
        if (file.size() > maxFileBytes) {
            // A chunked upload has no length to refuse it by before it is read: it is refused once it is.
            throw new PayloadTooLargeException(maxFileBytes);
        }
        String itemName = name == null || name.isBlank() ? file.fileName() : name;
        return created(add.add(AddKnowledgeItemCommand.file(team(), itemName, file.fileName(), bytes(file))), uri);
    }

    private static byte[] bytes(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    @GET
    @RolesAllowed(Scope.Names.KNOWLEDGE_READ)
    @Operation(summary = "List knowledge items, oldest first, one page at a time")
    public KnowledgeRequests.PageResponse list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<KnowledgeItem> page = list.list(team(), new PageRequest(PageLimits.parse(limit), Optional.ofNullable(cursor)));
        return new KnowledgeRequests.PageResponse(page.items().stream().map(KnowledgeItemResponse::of).toList(),
                page.nextCursor().orElse(null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scope.Names.KNOWLEDGE_READ)
    @Operation(summary = "Read a knowledge item, with Hamsa's processing status and failure reason")
    public KnowledgeItemResponse get(@PathParam("id") String id) {
        return KnowledgeItemResponse.of(get.get(team(), KnowledgeItemId.parse(id)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Scope.Names.KNOWLEDGE_WRITE)
    @Idempotent
    @Operation(summary = "Rename an item, or replace a TEXT item's text")
    public KnowledgeItemResponse update(@PathParam("id") String id, @Valid @NotNull KnowledgeRequests.Update body) {
        return KnowledgeItemResponse.of(update.update(new UpdateKnowledgeItemCommand(team(), KnowledgeItemId.parse(id),
                Optional.ofNullable(body.name()), Optional.ofNullable(body.content()))));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scope.Names.KNOWLEDGE_WRITE)
    @Operation(summary = "Delete an item from Hamsa and Switchboard; its bytes stop counting")
    public Response delete(@PathParam("id") String id) {
        delete.delete(team(), KnowledgeItemId.parse(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/urls")
    @RolesAllowed(Scope.Names.KNOWLEDGE_WRITE)
    @Idempotent
    @Operation(summary = "Add URLs to a URL item (100 in all at most)")
    public KnowledgeItemResponse addUrls(@PathParam("id") String id, @Valid @NotNull KnowledgeRequests.AddUrls body) {
        return KnowledgeItemResponse.of(addUrls.addUrls(team(), KnowledgeItemId.parse(id), body.urls()));
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scope.Names.KNOWLEDGE_WRITE)
    @Idempotent
    @Operation(summary = "Let agents use the item")
    public KnowledgeItemResponse activate(@PathParam("id") String id) {
        return KnowledgeItemResponse.of(setActive.setActive(team(), KnowledgeItemId.parse(id), true));
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scope.Names.KNOWLEDGE_WRITE)
    @Idempotent
    @Operation(summary = "Stop agents using the item, without deleting it")
    public KnowledgeItemResponse deactivate(@PathParam("id") String id) {
        return KnowledgeItemResponse.of(setActive.setActive(team(), KnowledgeItemId.parse(id), false));
    }

    private TeamId team() {
        return Callers.of(identity).team();
    }

    public static URI location(UriInfo uri, KnowledgeItemId id) {
        return uri.getBaseUriBuilder().path(KnowledgeResource.class).path(id.toString()).build();
    }

    private static Response created(KnowledgeItem item, UriInfo uri) {
        return Response.created(location(uri, item.id())).entity(KnowledgeItemResponse.of(item)).build();
    }
}
