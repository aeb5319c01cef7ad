package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.AuditEntry;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import java.util.Optional;

/** Where audit entries are kept; append-only. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> list(Optional<TeamId> team, PageRequest request);
}
