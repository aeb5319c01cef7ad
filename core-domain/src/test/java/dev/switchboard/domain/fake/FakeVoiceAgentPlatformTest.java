package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentPlatformContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeVoiceAgentPlatformTest extends VoiceAgentPlatformContract {

    private final FakeVoiceAgentPlatform platform = new FakeVoiceAgentPlatform();

    @Override
    protected VoiceAgentPlatform platform() {
        return platform;
    }

    // Not in the contract: the simulator refuses ids of knowledge items and tools it does not hold, and these are
    // made up. What the fake must do here is what the simulator does with real ones.

    private static AgentSettings attached(String name) {
        return new AgentSettings(name, "Hello", "You help.", "en", "voice-1", List.of("kb-1", "kb-2"), List.of("tool-1"));
    }

    @Test
    void a_created_agent_keeps_its_knowledge_items_and_tools() {
        PlatformAgent created = platform.createAgent(attached("Support"));

        assertThat(platform.getAgent(created.id()).settings().knowledgeBaseItemIds()).containsExactly("kb-1", "kb-2");
        assertThat(platform.getAgent(created.id()).settings().toolIds()).containsExactly("tool-1");
    }

    @Test
    void an_update_replaces_the_lists_it_names_and_keeps_the_others() {
        PlatformAgent created = platform.createAgent(attached("Support"));

        PlatformAgent updated = platform.updateAgent(created.id(),
                AgentChanges.none().withAttachments(Optional.of(List.of("kb-3")), Optional.empty()));

        assertThat(updated.settings().knowledgeBaseItemIds()).containsExactly("kb-3");
        assertThat(updated.settings().toolIds()).containsExactly("tool-1");
        assertThat(platform.getAgent(created.id())).isEqualTo(updated);
    }

    @Test
    void an_update_with_an_empty_list_detaches_them_all() {
        PlatformAgent created = platform.createAgent(attached("Support"));

        PlatformAgent updated = platform.updateAgent(created.id(),
                AgentChanges.none().withAttachments(Optional.empty(), Optional.of(List.of())));

        assertThat(updated.settings().toolIds()).isEmpty();
        assertThat(updated.settings().knowledgeBaseItemIds()).containsExactly("kb-1", "kb-2");
    }

    @Test
    void a_clone_keeps_the_sources_knowledge_items_and_tools_as_the_simulator_does() {
        PlatformAgent source = platform.createAgent(attached("Original"));

        PlatformAgent copy = platform.cloneAgent(source.id(), "Copy");

        assertThat(copy.settings().knowledgeBaseItemIds()).containsExactly("kb-1", "kb-2");
        assertThat(copy.settings().toolIds()).containsExactly("tool-1");
        assertThat(copy.settings().name()).isEqualTo("Copy");
        assertThat(platform.getAgent(copy.id())).isEqualTo(copy);
    }
}
