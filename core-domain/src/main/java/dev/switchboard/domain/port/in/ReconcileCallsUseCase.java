package dev.switchboard.domain.port.in;

/** Asks Hamsa about calls that should have ended by now but whose end never arrived. */
public interface ReconcileCallsUseCase {
    /** @return how many calls were looked up */
    int reconcileOverdue(int max);
}
