package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.ApiKeyNotFoundException;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.ApiKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
class PostgresApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyRows rows;

    PostgresApiKeyRepository(ApiKeyRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(ApiKey key) {
        QuarkusTransaction.requiringNew().run(() -> rows.persist(toEntity(key)));
    }

    @Override
    public boolean stopEarlier(ApiKey key) {
        int updated = QuarkusTransaction.requiringNew().call(() -> rows.update(
                "revokedAt = ?1 where id = ?2 and (revokedAt is null or revokedAt > ?1)", key.revokedAt(), key.id().value()));
        if (updated == 0 && rows.findByIdOptional(key.id().value()).isEmpty()) {
            throw new ApiKeyNotFoundException(key.id().toString());
        }
        return updated == 1;
    }

    @Override
    public Optional<KeyAndTeam> findWithTeamBySecretHash(String secretHash) {
        // One round trip for both: this runs on every request.
        return QuarkusTransaction.joiningExisting().call(() -> rows.getEntityManager()
                .createQuery("select k, t from ApiKeyEntity k, TeamEntity t where t.id = k.teamId and k.secretHash = ?1",
                        Object[].class)
                .setParameter(1, secretHash)
                .getResultStream().findFirst()
                .map(row -> new KeyAndTeam(toDomain((ApiKeyEntity) row[0]), PostgresTeamRepository.toDomain((TeamEntity) row[1]))));
    }

    @Override
    public Optional<ApiKey> findById(TeamId team, ApiKeyId id) {
        return QuarkusTransaction.joiningExisting().call(() -> rows.find("id = ?1 and teamId = ?2", id.value(), team.value())
                .firstResultOptional().map(PostgresApiKeyRepository::toDomain));
    }

    @Override
    public List<ApiKey> listByTeam(TeamId team) {
        return QuarkusTransaction.joiningExisting().call(() -> rows.find("teamId = ?1 order by createdAt, id", team.value())
                .stream().map(PostgresApiKeyRepository::toDomain).toList());
    }

    private static ApiKeyEntity toEntity(ApiKey key) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.id = key.id().value();
        e.teamId = key.teamId().value();
        e.name = key.name();
        e.prefix = key.prefix();
        e.secretHash = key.secretHash();
        e.scopes = key.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(" "));
        e.createdAt = key.createdAt();
        e.revokedAt = key.revokedAt();
        return e;
    }

    private static ApiKey toDomain(ApiKeyEntity e) {
        return new ApiKey(new ApiKeyId(e.id), new TeamId(e.teamId), e.name, e.prefix, e.secretHash,
                Scope.parseAll("scopes", Arrays.asList(e.scopes.split(" "))), e.createdAt, e.revokedAt);
    }
}
