package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;

public interface ListCallsQuery {
    /** The team's calls, newest first. */
    Page<Call> list(TeamId team, CallFilter filter, PageRequest request);
}
