package dev.switchboard.domain.service;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.ApiKeyNotFoundException;
import dev.switchboard.domain.model.ApiKeyToken;
import dev.switchboard.domain.model.Caller;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.IssuedApiKey;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TeamNotFoundException;
import dev.switchboard.domain.port.in.AuthenticateApiKeyUseCase;
import dev.switchboard.domain.port.in.CreateTeamCommand;
import dev.switchboard.domain.port.in.CreateTeamUseCase;
import dev.switchboard.domain.port.in.GetTeamQuery;
import dev.switchboard.domain.port.in.IssueApiKeyCommand;
import dev.switchboard.domain.port.in.IssueApiKeyUseCase;
import dev.switchboard.domain.port.in.ListApiKeysQuery;
import dev.switchboard.domain.port.in.ListTeamsQuery;
import dev.switchboard.domain.port.in.RevokeApiKeyUseCase;
import dev.switchboard.domain.port.in.RotateApiKeyUseCase;
import dev.switchboard.domain.port.in.SetTeamRequestLimitUseCase;
import dev.switchboard.domain.port.out.ApiKeyRepository;
import dev.switchboard.domain.port.out.TeamRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Teams and their API keys: what an operator manages, and what every request is checked against. */
public final class TeamService implements CreateTeamUseCase, SetTeamRequestLimitUseCase, GetTeamQuery, ListTeamsQuery,
        IssueApiKeyUseCase, ListApiKeysQuery, RotateApiKeyUseCase, RevokeApiKeyUseCase, AuthenticateApiKeyUseCase {

    private final TeamRepository teams;
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final SecureRandom random;

    public TeamService(TeamRepository teams, ApiKeyRepository keys, Clock clock, SecureRandom random) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Team createTeam(CreateTeamCommand command) {
        Team team = new Team(TeamId.newId(), command.name().strip(), command.requestsPerMinute(), clock.instant());
        teams.insert(team);
        return team;
    }

    @Override
    public Team setRequestLimit(TeamId id, Integer requestsPerMinute) {
        Team next = getTeam(id).withRequestsPerMinute(requestsPerMinute);
        teams.update(next);
        return next;
    }

    @Override
    public Team getTeam(TeamId id) {
        return teams.findById(id).orElseThrow(() -> new TeamNotFoundException(id));
    }

    @Override
    public Page<Team> listTeams(PageRequest request) {
        return teams.list(request);
    }

    @Override
    public IssuedApiKey issueKey(IssueApiKeyCommand command) {
        getTeam(command.team());
        return issue(command.team(), command.name().strip(), command.scopes());
    }

    @Override
    public List<ApiKey> listKeys(TeamId team) {
        getTeam(team);
        return keys.listByTeam(team);
    }

    @Override
    public IssuedApiKey rotateKey(TeamId team, ApiKeyId id, Duration overlap) {
        if (overlap == null || overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw InvalidInputException.of("overlapSeconds", "must be between 0 and " + MAX_OVERLAP.toSeconds());
        }
        ApiKey old = ownKey(team, id);
        Instant now = clock.instant();
        if (!old.worksAt(now)) {
            throw InvalidInputException.of("key", "is revoked; issue a new key instead");
        }
        // The old key is stopped first, and only if no racing rotation stopped it already: one successor per key.
        if (!keys.stopEarlier(old.revokedAt(now.plus(overlap)))) {
            throw InvalidInputException.of("key", "was rotated or revoked meanwhile; list the team's keys");
        }
        return issue(team, old.name(), old.scopes());
    }

    @Override
    public ApiKey revokeKey(TeamId team, ApiKeyId id) {
        ApiKey key = ownKey(team, id);
        ApiKey revoked = key.revokedAt(clock.instant());
        if (revoked.equals(key) || keys.stopEarlier(revoked)) {
            return revoked;
        }
        // A racing revocation stored an earlier stop time: answer with what is stored.
        return keys.findById(team, id).orElse(revoked);
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        if (!ApiKeyToken.wellFormed(presentedKey)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.findWithTeamBySecretHash(ApiKeyToken.hash(presentedKey))
                .filter(found -> found.key().worksAt(now))
                .map(found -> new Caller(found.team().id(), found.key().id(), found.key().scopes(),
                        found.team().requestsPerMinute()));
    }

    private IssuedApiKey issue(TeamId team, String name, Set<Scope> scopes) {
        String token = ApiKeyToken.generate(random);
        ApiKey key = new ApiKey(ApiKeyId.newId(), team, name, ApiKeyToken.shownPrefix(token), ApiKeyToken.hash(token),
                scopes, clock.instant(), null);
        keys.insert(key);
        return new IssuedApiKey(key, token);
    }

    private ApiKey ownKey(TeamId team, ApiKeyId id) {
        getTeam(team);
        return keys.findById(team, id).orElseThrow(() -> new ApiKeyNotFoundException(id.toString()));
    }
}
