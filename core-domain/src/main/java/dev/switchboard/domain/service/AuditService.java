package dev.switchboard.domain.service;

import dev.switchboard.domain.model.AuditEntry;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.in.ListAuditEntriesQuery;
import dev.switchboard.domain.port.in.RecordAuditEntryUseCase;
import dev.switchboard.domain.port.out.AuditLog;
import java.util.Objects;
import java.util.Optional;

public final class AuditService implements RecordAuditEntryUseCase, ListAuditEntriesQuery {

    private final AuditLog log;

    public AuditService(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void record(AuditEntry entry) {
        log.append(entry);
    }

    @Override
    public Page<AuditEntry> listAudit(Optional<TeamId> team, PageRequest request) {
        return log.list(team, request);
    }
}
