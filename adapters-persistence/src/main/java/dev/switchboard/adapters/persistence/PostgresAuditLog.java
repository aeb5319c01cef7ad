package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.AuditEntry;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class PostgresAuditLog implements AuditLog {

    private final AuditEntryRows rows;

    PostgresAuditLog(AuditEntryRows rows) {
        this.rows = rows;
    }

    @Override
    public void append(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> rows.persist(toEntity(entry)));
    }

    @Override
    public Page<AuditEntry> list(Optional<TeamId> team, PageRequest request) {
        Optional<KeysetCursor> before = request.cursor().map(KeysetCursor::decode);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        team.ifPresent(t -> {
            where.append(" and teamId = :team");
            params.and("team", t.value());
        });
        before.ifPresent(c -> {
            where.append(" and (at < :at or (at = :at and id < :id))");
            params.and("at", c.createdAt()).and("id", c.id());
        });
        List<AuditEntryEntity> found = QuarkusTransaction.joiningExisting().call(
                () -> rows.find(where + " order by at desc, id desc", params).range(0, request.limit()).list());
        return KeysetCursor.page(found, request.limit(), e -> new KeysetCursor(e.at, e.id)).map(PostgresAuditLog::toDomain);
    }

    private static AuditEntryEntity toEntity(AuditEntry a) {
        AuditEntryEntity e = new AuditEntryEntity();
        e.id = a.id();
        e.at = a.at();
        e.actor = a.actor();
        e.teamId = a.team() == null ? null : a.team().value();
        e.apiKeyId = a.key() == null ? null : a.key().value();
        e.action = a.action();
        e.target = a.target();
        e.requestId = a.requestId();
        e.status = a.status();
        e.outcome = a.outcome();
        return e;
    }

    private static AuditEntry toDomain(AuditEntryEntity e) {
        return new AuditEntry(e.id, e.at, e.actor, e.teamId == null ? null : new TeamId(e.teamId),
                e.apiKeyId == null ? null : new ApiKeyId(e.apiKeyId), e.action, e.target, e.requestId, e.status, e.outcome);
    }
}
