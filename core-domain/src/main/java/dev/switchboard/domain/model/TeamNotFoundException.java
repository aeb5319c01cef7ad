package dev.switchboard.domain.model;

public final class TeamNotFoundException extends DomainException {

    private final String id;

    public TeamNotFoundException(String id) {
        super("No team " + id);
        this.id = id;
    }

    public TeamNotFoundException(TeamId id) {
        this(id.toString());
    }

    public String id() {
        return id;
    }
}
