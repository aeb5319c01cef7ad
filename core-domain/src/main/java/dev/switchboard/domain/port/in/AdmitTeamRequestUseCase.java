package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Admission;
import dev.switchboard.domain.model.Caller;

/** Counts a team's request against its limit, shared by every replica. */
public interface AdmitTeamRequestUseCase {

    /** @throws dev.switchboard.domain.model.RequestLimitExceededException when the team is over its limit */
    Admission admit(Caller caller);
}
