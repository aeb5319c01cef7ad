package dev.switchboard.domain.model;

public final class VoiceAgentNotFoundException extends DomainException {

    private final String id;

    public VoiceAgentNotFoundException(String id) {
        super("Voice agent not found: " + id);
        this.id = id;
    }

    public VoiceAgentNotFoundException(VoiceAgentId id) {
        this(id.toString());
    }

    public String id() {
        return id;
    }
}
