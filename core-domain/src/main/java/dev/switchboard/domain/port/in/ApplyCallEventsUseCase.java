package dev.switchboard.domain.port.in;

import dev.switchboard.domain.port.out.CallEventInbox.ApplyReport;

/** Applies stored events to their calls; run by workers on every replica. */
public interface ApplyCallEventsUseCase {
    ApplyReport applyPending(int max);
}
