package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.TeamId;

public interface GetCallQuery {
    /** @throws dev.switchboard.domain.model.CallNotFoundException unless the team has this call */
    Call get(TeamId team, CallId id);
}
