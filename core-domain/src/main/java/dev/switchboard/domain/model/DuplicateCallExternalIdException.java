package dev.switchboard.domain.model;

/** A client's externalId already names another call of its team; that call is named instead of placing a second. */
public final class DuplicateCallExternalIdException extends DomainException {

    private final String externalId;
    private final CallId existing;

    public DuplicateCallExternalIdException(String externalId, CallId existing) {
        super("externalId already used by call " + existing);
        this.externalId = externalId;
        this.existing = existing;
    }

    public String externalId() {
        return externalId;
    }

    public CallId existing() {
        return existing;
    }
}
