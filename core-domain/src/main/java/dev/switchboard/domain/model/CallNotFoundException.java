package dev.switchboard.domain.model;

public final class CallNotFoundException extends DomainException {

    private final String id;

    public CallNotFoundException(String id) {
        super("Call not found: " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
