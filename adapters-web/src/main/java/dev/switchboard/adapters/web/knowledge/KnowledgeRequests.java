package dev.switchboard.adapters.web.knowledge;

import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the knowledge API. Content limits are the domain's, checked by the use case. */
final class KnowledgeRequests {

    private KnowledgeRequests() {
    }

    /** Body of {@code POST /api/v1/knowledge} for TEXT and URL items; a FILE is uploaded as multipart/form-data. */
    @Schema(name = "CreateKnowledgeItemRequest")
    record Create(
            @NotBlank @Size(max = KnowledgeItem.NAME_MAX) String name,
            @NotNull @Schema(description = "TEXT or URL here; FILE by multipart/form-data") KnowledgeType type,
            @Schema(description = "A TEXT item's text, 50 to 5,000 characters") String content,
            @Schema(description = "A URL item's URLs: 1 to 100, https, public") List<String> urls) {
    }

    /** Body of {@code PATCH /api/v1/knowledge/{id}}: a field left out stays as it is. */
    @Schema(name = "UpdateKnowledgeItemRequest")
    record Update(
            @Size(min = 1, max = KnowledgeItem.NAME_MAX) String name,
            @Schema(description = "A TEXT item's new text; Hamsa processes it again") String content) {
    }

    /** Body of {@code POST /api/v1/knowledge/{id}/urls}. */
    @Schema(name = "AddKnowledgeUrlsRequest")
    record AddUrls(@NotNull List<String> urls) {
    }

    @Schema(name = "KnowledgeItemPage")
    record PageResponse(List<KnowledgeItemResponse> items, String nextCursor) {
    }
}
