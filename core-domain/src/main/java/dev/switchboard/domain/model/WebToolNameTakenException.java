package dev.switchboard.domain.model;

/** Another of the team's tools has this name; an agent's model tells tools apart by name alone. */
public final class WebToolNameTakenException extends DomainException {

    private final WebToolId existing;

    public WebToolNameTakenException(String name, WebToolId existing) {
        super("Web tool name already used: " + name);
        this.existing = existing;
    }

    public WebToolId existing() {
        return existing;
    }
}
