package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.TeamId;
import java.util.Objects;
import java.util.Set;

public record IssueApiKeyCommand(TeamId team, String name, Set<Scope> scopes) {

    public IssueApiKeyCommand {
        Objects.requireNonNull(team, "team");
        ApiKey.checkName(name);
        if (scopes == null || scopes.isEmpty()) {
            throw InvalidInputException.of("scopes", "must name at least one scope");
        }
        scopes = Set.copyOf(scopes);
    }
}
