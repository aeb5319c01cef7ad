package dev.switchboard.domain.port.in;

/** Sends due calls to Hamsa; run by workers on every replica. */
public interface DispatchCallsUseCase {
    /** @return how many jobs this pass took */
    int dispatchDue(int max);
}
