package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import java.net.URI;
import java.util.List;

/**
 * The voice platform's knowledge base (Hamsa). Every method either returns what the platform reported or
 * throws {@link dev.switchboard.domain.model.PlatformException} saying which kind of failure it was.
 */
public interface KnowledgeBasePlatform {

    /**
     * Stores a new item; the platform then processes it on its own time.
     *
     * @param fileBytes the file's bytes for a {@link KnowledgeContent.File}; null for other content
     */
    PlatformKnowledgeItem createItem(String name, KnowledgeContent content, byte[] fileBytes);

    PlatformKnowledgeItem getItem(String id);

    /**
     * Renames an item and, for a TEXT item, replaces its text (the platform processes it again).
     *
     * @param text the new text, or null to keep it
     */
    PlatformKnowledgeItem updateItem(String id, String name, KnowledgeContent.Text text);

    /** @throws dev.switchboard.domain.model.PlatformException NOT_FOUND when the platform has no such item */
    void deleteItem(String id);

    /** Adds URLs to a URL item; the platform fetches them. */
    PlatformKnowledgeItem addUrls(String id, List<URI> urls);

    PlatformKnowledgeItem setActive(String id, boolean active);
}
