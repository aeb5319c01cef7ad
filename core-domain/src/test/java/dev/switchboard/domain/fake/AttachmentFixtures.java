package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.model.WebToolKind;
import java.time.Instant;
import java.util.UUID;

/** Knowledge items and web tools stored as agents attach them, without going through their services. */
public final class AttachmentFixtures {

    public static final Instant AT = Instant.parse("2026-02-01T08:00:00Z");
    private static final long PLENTY = 1L << 40;
    private static final String FACTS = "Opening hours are nine to five, Monday to Friday, except holidays.";

    private AttachmentFixtures() {
    }

    /** A text item already on Hamsa, as {@code hamsaItemId}; null for one still being uploaded. */
    public static KnowledgeItem knowledgeItem(TeamId team, String hamsaItemId) {
        return new KnowledgeItem(KnowledgeItemId.newId(), team, hamsaItemId, "Item " + hamsaItemId,
                new KnowledgeContent.Text(FACTS), FACTS.length(), KnowledgeStatus.COMPLETED, null, true, AT, AT, 1);
    }

    public static KnowledgeItem storedItem(InMemoryKnowledgeItemRepository repository, TeamId team, String hamsaItemId) {
        KnowledgeItem item = knowledgeItem(team, hamsaItemId);
        repository.reserve(item, PLENTY, PLENTY);
        return item;
    }

    public static WebTool webTool(TeamId team, String name) {
        return new WebTool(WebToolId.newId(), team, "h-tool-" + UUID.randomUUID(),
                new WebToolDefinition(WebToolKind.FUNCTION, name, "Looks up an order", "https://tools.example.com/orders",
                        ToolHttpMethod.GET, 10, null, null, null),
                null, true, AT, AT, 1);
    }

    public static WebTool storedTool(InMemoryWebToolRepository repository, TeamId team, String name) {
        WebTool tool = webTool(team, name);
        repository.insert(tool);
        return tool;
    }
}
