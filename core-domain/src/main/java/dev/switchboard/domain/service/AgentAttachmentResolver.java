package dev.switchboard.domain.service;

import dev.switchboard.domain.model.AgentAttachments;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.AttachmentChanges;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import dev.switchboard.domain.port.out.WebToolRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the knowledge items and tools a team names for an agent (Switchboard's ids) into what the platform
 * needs (its ids), refusing any that is not the team's: another team's id is as unknown as a made-up one.
 */
public final class AgentAttachmentResolver {

    /** Both lists as the team named them, and as the platform knows them; a list not named stays empty. */
    public record Resolved(Optional<List<KnowledgeItemId>> knowledgeItems, Optional<List<String>> knowledgeHamsaIds,
                           Optional<List<WebToolId>> tools, Optional<List<String>> toolHamsaIds) {

        /** The agent's attachments after these, starting from its current ones. */
        public AgentAttachments over(AgentAttachments current) {
            return new AgentAttachments(knowledgeItems.orElse(current.knowledgeItems()), tools.orElse(current.tools()));
        }
    }

    private final KnowledgeItemRepository knowledge;
    private final WebToolRepository tools;

    public AgentAttachmentResolver(KnowledgeItemRepository knowledge, WebToolRepository tools) {
        this.knowledge = knowledge;
        this.tools = tools;
    }

    /** A resolver with no catalog: any id named is unknown. For services built without knowledge or tools. */
    public static AgentAttachmentResolver none() {
        return new AgentAttachmentResolver(null, null);
    }

    public Resolved resolve(TeamId team, AttachmentChanges changes) {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<List<KnowledgeItem>> items = changes.knowledgeItemIds()
                .map(ids -> lookUp(ids, "knowledgeItemIds", violations, id -> knowledge == null ? Optional.empty()
                        : knowledge.findById(team, new KnowledgeItemId(id)).map(item -> {
                            if (item.hamsaItemId() == null) {
                                violations.add(new FieldViolation("knowledgeItemIds", "'" + item.id()
                                        + "' is still being uploaded to Hamsa; attach it once it has a hamsaItemId"));
                            }
                            return item;
                        })));
        Optional<List<WebTool>> found = changes.toolIds()
                .map(ids -> lookUp(ids, "toolIds", violations, id -> tools == null ? Optional.empty()
                        : tools.findById(team, new WebToolId(id))));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Resolved(
                items.map(list -> list.stream().map(KnowledgeItem::id).toList()),
                items.map(list -> list.stream().map(KnowledgeItem::hamsaItemId).toList()),
                found.map(list -> list.stream().map(WebTool::id).toList()),
                found.map(list -> list.stream().map(WebTool::hamsaToolId).toList()));
    }

    private static <T> List<T> lookUp(List<String> ids, String field, List<FieldViolation> violations,
                                      java.util.function.Function<UUID, Optional<T>> find) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.size() > AgentSettings.ATTACHMENTS_MAX) {
            violations.add(new FieldViolation(field, "must hold at most " + AgentSettings.ATTACHMENTS_MAX + " ids"));
            return List.of();
        }
        List<T> found = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (String id : distinct) {
            Optional<T> one;
            try {
                UUID uuid = id == null ? null : UUID.fromString(id);
                if (uuid != null && !seen.add(uuid)) {
                    continue; // the same id written another way ("ABC…" and "abc…"): one item, listed once
                }
                one = uuid == null ? Optional.empty() : find.apply(uuid);
            } catch (IllegalArgumentException notAUuid) {
                one = Optional.empty();
            }
            one.ifPresentOrElse(found::add, () -> violations.add(new FieldViolation(field,
                    "'" + id + "' is none of your team's " + (field.startsWith("tool") ? "web tools" : "knowledge items"))));
        }
        return found;
    }
}
