package dev.switchboard.domain.model;

public final class KnowledgeItemNotFoundException extends DomainException {

    private final String id;

    public KnowledgeItemNotFoundException(String id) {
        super("Knowledge item not found: " + id);
        this.id = id;
    }

    public KnowledgeItemNotFoundException(KnowledgeItemId id) {
        this(id.toString());
    }

    public String id() {
        return id;
    }
}
