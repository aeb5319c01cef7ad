package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.TeamId;
import java.util.Objects;
import java.util.Optional;

/** A new name, and for a TEXT item new text; an empty field stays as it is. */
public record UpdateKnowledgeItemCommand(TeamId team, KnowledgeItemId id, Optional<String> name, Optional<String> text) {

    public UpdateKnowledgeItemCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(id, "id");
        name = name == null ? Optional.empty() : name;
        text = text == null ? Optional.empty() : text;
        name.ifPresent(KnowledgeItem::checkName);
    }
}
