package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.ApiKeyNotFoundException;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.ApiKeyRepository;
import dev.switchboard.domain.port.out.TeamRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private final Map<ApiKeyId, ApiKey> keys = new ConcurrentHashMap<>();
    private final TeamRepository teams;

    /** Keys belong to the teams of this repository, as rows of api_key reference rows of team. */
    public InMemoryApiKeyRepository(TeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public synchronized void insert(ApiKey key) {
        if (keys.values().stream().anyMatch(k -> k.secretHash().equals(key.secretHash()))) {
            throw new IllegalStateException("secret hash already stored");
        }
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("key already stored: " + key.id());
        }
    }

    @Override
    public synchronized boolean stopEarlier(ApiKey key) {
        ApiKey stored = keys.get(key.id());
        if (stored == null) {
            throw new ApiKeyNotFoundException(key.id().toString());
        }
        if (stored.revokedAt() != null && !stored.revokedAt().isAfter(key.revokedAt())) {
            return false;
        }
        keys.put(key.id(), new ApiKey(stored.id(), stored.teamId(), stored.name(), stored.prefix(), stored.secretHash(),
                stored.scopes(), stored.createdAt(), key.revokedAt()));
        return true;
    }

    @Override
    public Optional<KeyAndTeam> findWithTeamBySecretHash(String secretHash) {
        return keys.values().stream().filter(k -> k.secretHash().equals(secretHash)).findFirst()
                .flatMap(k -> teams.findById(k.teamId()).map(team -> new KeyAndTeam(k, team)));
    }

    @Override
    public Optional<ApiKey> findById(TeamId team, ApiKeyId id) {
        return Optional.ofNullable(keys.get(id)).filter(k -> k.teamId().equals(team));
    }

    @Override
    public List<ApiKey> listByTeam(TeamId team) {
        return keys.values().stream().filter(k -> k.teamId().equals(team))
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(k -> k.id().toString())).toList();
    }
}
