package dev.switchboard.domain.model;

/** Someone else changed the resource between our read and our write (optimistic locking). */
public final class ConcurrentUpdateException extends DomainException {

    private final String resource;

    public ConcurrentUpdateException(VoiceAgentId id, long expectedVersion) {
        this("voice agent", id.toString(), expectedVersion);
    }

    /** @param resource what changed, in words for the client ("voice agent", "knowledge item", "web tool") */
    public ConcurrentUpdateException(String resource, String id, long expectedVersion) {
        super(resource + " " + id + " was changed concurrently (expected version " + expectedVersion + ")");
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
