package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebToolChanges;
import dev.switchboard.domain.model.WebToolId;
import java.util.Objects;

public record UpdateWebToolCommand(TeamId team, WebToolId id, WebToolChanges changes) {

    public UpdateWebToolCommand {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changes, "changes");
    }
}
