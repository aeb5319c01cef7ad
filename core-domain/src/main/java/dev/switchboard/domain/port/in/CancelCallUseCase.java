package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.TeamId;

public interface CancelCallUseCase {
    /** @throws dev.switchboard.domain.model.CallNotCancellableException once the call left the queue */
    Call cancel(TeamId team, CallId id);
}
