package dev.switchboard.domain.model;

public final class ApiKeyNotFoundException extends DomainException {

    private final String id;

    public ApiKeyNotFoundException(String id) {
        super("No API key " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
