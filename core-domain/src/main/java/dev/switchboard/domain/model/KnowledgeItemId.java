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

    /**
     * The lease that deleting an item and attaching it to an agent both hold, for an id as a team wrote it; null
     * for text that names no item (it is refused later, as unknown).
     */
    public static String leaseKey(String id) {
        try {
            return id == null ? null : "knowledge-item:" + UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
