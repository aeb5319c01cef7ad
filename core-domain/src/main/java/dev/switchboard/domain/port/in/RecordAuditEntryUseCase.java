package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AuditEntry;

public interface RecordAuditEntryUseCase {

    void record(AuditEntry entry);
}
