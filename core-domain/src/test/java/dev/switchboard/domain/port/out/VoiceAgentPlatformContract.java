package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VoiceAgentPlatform} must do. Extended by the in-memory fake and by the Hamsa
 * adapter's test against the simulator.
 */
public abstract class VoiceAgentPlatformContract {

    protected abstract VoiceAgentPlatform platform();

    /** More agents than the real adapter fetches in one page, so listing must walk pages. */
    protected int agentsToListAcrossPages() {
        return 25;
    }

    protected static AgentSettings settings(String name) {
        return new AgentSettings(name, "Hello from " + name, "You are " + name + ".", "en-US", "voice-abc");
    }

    @Test
    void a_created_agent_gets_an_id_and_the_settings_it_was_given() {
        PlatformAgent created = platform().createAgent(settings("Support"));

        assertThat(created.id().value()).isNotBlank();
        assertThat(created.settings()).isEqualTo(settings("Support"));
    }

    @Test
    void a_created_agent_can_be_read_back() {
        PlatformAgent created = platform().createAgent(settings("Sales"));

        assertThat(platform().getAgent(created.id())).isEqualTo(created);
    }

    @Test
    void reading_an_unknown_agent_is_a_not_found_failure() {
        assertThatThrownBy(() -> platform().getAgent(new HamsaAgentId("missing-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformFailure.NOT_FOUND));
    }

    @Test
    void an_update_changes_only_the_fields_it_names() {
        PlatformAgent created = platform().createAgent(settings("Billing"));
        AgentChanges changes = new AgentChanges(Optional.empty(), Optional.of("Welcome!"), Optional.empty(),
                Optional.of("ar"), Optional.empty());

        PlatformAgent updated = platform().updateAgent(created.id(), changes);

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.settings()).isEqualTo(new AgentSettings("Billing", "Welcome!",
                "You are Billing.", "ar", "voice-abc"));
        assertThat(platform().getAgent(created.id())).isEqualTo(updated);
    }

    @Test
    void updating_an_unknown_agent_is_a_not_found_failure() {
        AgentChanges changes = new AgentChanges(Optional.of("x"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> platform().updateAgent(new HamsaAgentId("missing-" + UUID.randomUUID()), changes))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformFailure.NOT_FOUND));
    }

    @Test
    void a_clone_is_a_new_agent_with_the_same_settings_and_the_given_name() {
        PlatformAgent source = platform().createAgent(settings("Original"));

        PlatformAgent copy = platform().cloneAgent(source.id(), "Copy of original");

        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(copy.settings().name()).isEqualTo("Copy of original");
        assertThat(copy.settings().greeting()).isEqualTo(source.settings().greeting());
        assertThat(copy.settings().preamble()).isEqualTo(source.settings().preamble());
        assertThat(platform().getAgent(copy.id())).isEqualTo(copy);
    }

    @Test
    void a_clone_without_a_name_gets_one_from_the_platform() {
        PlatformAgent source = platform().createAgent(settings("Unnamed source"));

        PlatformAgent copy = platform().cloneAgent(source.id(), null);

        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(copy.settings().name()).isNotBlank();
    }

    @Test
    void cloning_an_unknown_agent_is_a_not_found_failure() {
        assertThatThrownBy(() -> platform().cloneAgent(new HamsaAgentId("missing-" + UUID.randomUUID()), "x"))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformFailure.NOT_FOUND));
    }

    @Test
    void listing_returns_every_agent_across_pages() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<HamsaAgentId> created = new java.util.ArrayList<>();
        for (int i = 0; i < agentsToListAcrossPages(); i++) {
            created.add(platform().createAgent(settings("List " + run + " " + i)).id());
        }

        List<PlatformAgent> listed = platform().listAgents();

        assertThat(listed).extracting(PlatformAgent::id).containsAll(created);
        assertThat(listed).extracting(PlatformAgent::id).doesNotHaveDuplicates();
    }
}
