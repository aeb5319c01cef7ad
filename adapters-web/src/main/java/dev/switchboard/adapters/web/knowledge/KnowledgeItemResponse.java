package dev.switchboard.adapters.web.knowledge;

import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeItem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KnowledgeItem")
// Also sent inside built Responses (create), where Quarkus cannot see its type: registered for native.
@RegisterForReflection(targets = {KnowledgeItemResponse.class, KnowledgeItemResponse.FileInfo.class})
public record KnowledgeItemResponse(
        String id,
        @Schema(description = "The item's id on Hamsa; null while its upload is still being answered") String hamsaItemId,
        String name,
        @Schema(description = "TEXT, FILE or URL") String type,
        @Schema(description = "A TEXT item's text") String content,
        @Schema(description = "A URL item's URLs") List<String> urls,
        @Schema(description = "A FILE item's file") FileInfo file,
        @Schema(description = "Bytes counted against the team's knowledge budget") long sizeBytes,
        @Schema(description = "Hamsa's processing status: PENDING, PROCESSING, COMPLETED or FAILED") String status,
        @Schema(description = "Why Hamsa could not process it, when FAILED") String failureReason,
        @Schema(description = "Whether agents may use it") boolean active,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** @param type the kind its content was found to be: PDF, DOCX, DOC, TXT, HTML or EPUB */
    public record FileInfo(String name, String type, String mediaType, long sizeBytes) {
    }

    static KnowledgeItemResponse of(KnowledgeItem item) {
        KnowledgeContent c = item.content();
        return new KnowledgeItemResponse(item.id().toString(), item.hamsaItemId(), item.name(), item.type().name(),
                c instanceof KnowledgeContent.Text t ? t.text() : null,
                c instanceof KnowledgeContent.Urls u ? u.urls().stream().map(URI::toString).toList() : null,
                c instanceof KnowledgeContent.File f
                        ? new FileInfo(f.fileName(), f.kind().name(), f.kind().mediaType(), f.sizeBytes()) : null,
                item.sizeBytes(), item.status().name(), item.failureReason(), item.active(), item.createdAt(),
                item.updatedAt(), item.version());
    }
}
