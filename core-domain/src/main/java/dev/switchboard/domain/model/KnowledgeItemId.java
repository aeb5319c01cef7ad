package dev.switchboard.domain.model;

import java.util.Objects;
import java.util.UUID;

/** Switchboard's own identity for a knowledge-base item. */
public record KnowledgeItemId(UUID value) {

    public KnowledgeItemId {
        Objects.requireNonNull(value, "value");
    }

    public static KnowledgeItemId newId() {
        return new KnowledgeItemId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; an id that is not a UUID can name no item, so it is "not found". */
    public static KnowledgeItemId parse(String text) {
        try {
            return new KnowledgeItemId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KnowledgeItemNotFoundException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
