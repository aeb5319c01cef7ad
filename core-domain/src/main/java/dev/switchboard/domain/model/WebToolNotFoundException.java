package dev.switchboard.domain.model;

public final class WebToolNotFoundException extends DomainException {

    private final String id;

    public WebToolNotFoundException(String id) {
        super("Web tool not found: " + id);
        this.id = id;
    }

    public WebToolNotFoundException(WebToolId id) {
        this(id.toString());
    }

    public String id() {
        return id;
    }
}
