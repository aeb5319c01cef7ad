package dev.switchboard.domain.model;

/** A client's externalId already names another agent; the existing one is returned instead of a duplicate. */
public final class DuplicateExternalIdException extends DomainException {

    private final String externalId;
    private final VoiceAgentId existing;

    public DuplicateExternalIdException(String externalId, VoiceAgentId existing) {
        super("externalId already used by voice agent " + existing);
        this.externalId = externalId;
        this.existing = existing;
    }

    public String externalId() {
        return externalId;
    }

    public VoiceAgentId existing() {
        return existing;
    }
}
