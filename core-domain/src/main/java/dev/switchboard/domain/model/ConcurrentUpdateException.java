package dev.switchboard.domain.model;

/** Someone else changed the agent between our read and our write (optimistic locking). */
public final class ConcurrentUpdateException extends DomainException {

    public ConcurrentUpdateException(VoiceAgentId id, long expectedVersion) {
        super("Voice agent " + id + " was changed concurrently (expected version " + expectedVersion + ")");
    }
}
