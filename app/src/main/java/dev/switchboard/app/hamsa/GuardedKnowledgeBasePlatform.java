package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import java.net.URI;
import java.util.List;

/** The knowledge-base port for callers of one priority: see {@link GuardedVoiceAgentPlatform}. */
final class GuardedKnowledgeBasePlatform implements KnowledgeBasePlatform {

    private final KnowledgeBasePlatform platform;
    private final HamsaCalls calls;
    private final Priority priority;

    GuardedKnowledgeBasePlatform(KnowledgeBasePlatform platform, HamsaCalls calls, Priority priority) {
        this.platform = platform;
        this.calls = calls;
        this.priority = priority;
    }

    @Override
    public PlatformKnowledgeItem createItem(String name, KnowledgeContent content, byte[] fileBytes) {
        return calls.forCaller(priority, () -> platform.createItem(name, content, fileBytes));
    }

    @Override
    public PlatformKnowledgeItem getItem(String id) {
        return calls.forCaller(priority, () -> platform.getItem(id));
    }

    @Override
    public PlatformKnowledgeItem updateItem(String id, String name, KnowledgeContent.Text text) {
        return calls.forCaller(priority, () -> platform.updateItem(id, name, text));
    }

    @Override
    public void deleteItem(String id) {
        calls.forCaller(priority, () -> {
            platform.deleteItem(id);
            return null;
        });
    }

    @Override
    public PlatformKnowledgeItem addUrls(String id, List<URI> urls) {
        return calls.forCaller(priority, () -> platform.addUrls(id, urls));
    }

    @Override
    public PlatformKnowledgeItem setActive(String id, boolean active) {
        return calls.forCaller(priority, () -> platform.setActive(id, active));
    }
}
