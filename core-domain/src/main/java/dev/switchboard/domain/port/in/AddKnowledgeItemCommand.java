package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeType;
import dev.switchboard.domain.model.TeamId;
import java.util.List;
import java.util.Objects;

/**
 * A new knowledge item as the team sent it: its type and the one field that type takes. The content is
 * checked by the use case, which holds the limits and the URL guard.
 *
 * @param text      a TEXT item's content
 * @param urls      a URL item's URLs
 * @param fileName  a FILE item's file name
 * @param fileBytes a FILE item's bytes
 */
public record AddKnowledgeItemCommand(TeamId team, String name, KnowledgeType type, String text, List<String> urls,
                                      String fileName, byte[] fileBytes) {

    public AddKnowledgeItemCommand {
        Objects.requireNonNull(team, "team");
        KnowledgeItem.checkName(name);
        if (type == null) {
            throw InvalidInputException.of("type", "must be TEXT, FILE or URL");
        }
        urls = urls == null ? null : List.copyOf(urls);
    }

    public static AddKnowledgeItemCommand text(TeamId team, String name, String text) {
        return new AddKnowledgeItemCommand(team, name, KnowledgeType.TEXT, text, null, null, null);
    }

    public static AddKnowledgeItemCommand urls(TeamId team, String name, List<String> urls) {
        return new AddKnowledgeItemCommand(team, name, KnowledgeType.URL, null, urls, null, null);
    }

    public static AddKnowledgeItemCommand file(TeamId team, String name, String fileName, byte[] bytes) {
        return new AddKnowledgeItemCommand(team, name, KnowledgeType.FILE, null, null, fileName, bytes);
    }
}
