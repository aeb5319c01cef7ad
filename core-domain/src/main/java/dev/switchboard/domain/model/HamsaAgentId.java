package dev.switchboard.domain.model;

/** The id Hamsa gave the agent. Opaque: Switchboard never derives anything from its format. */
public record HamsaAgentId(String value) {

    public HamsaAgentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Hamsa agent id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
