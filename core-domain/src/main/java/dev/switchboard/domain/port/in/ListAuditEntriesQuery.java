package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.AuditEntry;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import java.util.Optional;

/** The audit trail, newest first, optionally for one team. */
public interface ListAuditEntriesQuery {

    Page<AuditEntry> listAudit(Optional<TeamId> team, PageRequest request);
}
