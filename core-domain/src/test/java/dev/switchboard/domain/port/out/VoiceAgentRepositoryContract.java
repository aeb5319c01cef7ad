package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.VoiceAgentNotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VoiceAgentRepository} must do. Extended by the in-memory fake and by the Postgres
 * adapter's test, so the fake the domain tests rely on behaves like the real thing.
 */
public abstract class VoiceAgentRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    protected abstract VoiceAgentRepository repository();

    /** Leaves the repository empty. */
    protected abstract void clear();

    @BeforeEach
    void startEmpty() {
        clear();
    }

    protected static VoiceAgent agent(String name, String externalId, Instant createdAt) {
        return new VoiceAgent(VoiceAgentId.newId(), new HamsaAgentId("h-" + UUID.randomUUID()),
                new AgentSettings(name, "Hello " + name, "You are " + name, "en-US", "voice-1"),
                externalId, createdAt, createdAt, 1);
    }

    @Test
    void a_stored_agent_is_found_by_id_exactly_as_stored() {
        VoiceAgent agent = agent("Ada", "crm-1", T0);
        repository().insert(agent);

        assertThat(repository().findById(agent.id())).contains(agent);
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertThat(repository().findById(VoiceAgentId.newId())).isEmpty();
    }

    @Test
    void an_agent_is_found_by_its_external_id() {
        VoiceAgent agent = agent("Ada", "crm-2", T0);
        repository().insert(agent);
        repository().insert(agent("Bob", null, T0));

        assertThat(repository().findByExternalId("crm-2")).contains(agent);
        assertThat(repository().findByExternalId("crm-unknown")).isEmpty();
    }

    @Test
    void a_second_agent_with_the_same_external_id_is_refused_and_names_the_first() {
        VoiceAgent first = agent("Ada", "crm-3", T0);
        repository().insert(first);

        assertThatThrownBy(() -> repository().insert(agent("Eve", "crm-3", T0)))
                .isInstanceOfSatisfying(DuplicateExternalIdException.class,
                        e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(repository().list(PageRequest.first(10)).items()).containsExactly(first);
    }

    @Test
    void agents_without_external_id_do_not_clash() {
        repository().insert(agent("Ada", null, T0));
        repository().insert(agent("Bob", null, T0));

        assertThat(repository().list(PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void the_next_version_replaces_the_stored_one() {
        VoiceAgent agent = agent("Ada", null, T0);
        repository().insert(agent);
        VoiceAgent next = agent.withSettings(
                new AgentSettings("Ada 2", "Hi", "You are Ada 2", "ar", "voice-2"), T0.plusSeconds(5));

        repository().update(next);

        assertThat(repository().findById(agent.id())).contains(next);
        assertThat(next.version()).isEqualTo(2);
    }

    @Test
    void a_write_based_on_a_stale_version_is_refused_and_changes_nothing() {
        VoiceAgent agent = agent("Ada", null, T0);
        repository().insert(agent);
        VoiceAgent winner = agent.withSettings(agent.settings(), T0.plusSeconds(1));
        repository().update(winner);
        VoiceAgent loser = agent.withSettings(
                new AgentSettings("Late", "Hi", "Late", "en", "voice-9"), T0.plusSeconds(2));

        assertThatThrownBy(() -> repository().update(loser)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repository().findById(agent.id())).contains(winner);
    }

    @Test
    void updating_an_agent_that_was_never_stored_is_not_found() {
        VoiceAgent neverStored = agent("Ghost", null, T0);
        VoiceAgent ghost = neverStored.withSettings(neverStored.settings(), T0);

        assertThatThrownBy(() -> repository().update(ghost)).isInstanceOf(VoiceAgentNotFoundException.class);
    }

    @Test
    void pages_walk_every_agent_once_oldest_first() {
        List<VoiceAgent> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two agents per instant, so ties must be broken by id
            VoiceAgent agent = agent("A" + i, null, T0.plus(i / 2, ChronoUnit.MICROS));
            repository().insert(agent);
            stored.add(agent);
        }

        List<VoiceAgent> seen = new ArrayList<>();
        Page<VoiceAgent> page = repository().list(PageRequest.first(3));
        seen.addAll(page.items());
        int pages = 1;
        while (page.nextCursor().isPresent()) {
            page = repository().list(new PageRequest(3, page.nextCursor()));
            seen.addAll(page.items());
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(seen).isSortedAccordingTo((a, b) -> {
            int byTime = a.createdAt().compareTo(b.createdAt());
            return byTime != 0 ? byTime : a.id().toString().compareTo(b.id().toString());
        });
    }

    @Test
    void the_last_full_page_has_no_next_cursor() {
        repository().insert(agent("A", null, T0));
        repository().insert(agent("B", null, T0.plusSeconds(1)));

        Page<VoiceAgent> page = repository().list(PageRequest.first(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void an_empty_repository_lists_an_empty_last_page() {
        Page<VoiceAgent> page = repository().list(PageRequest.first(5));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void a_cursor_this_repository_did_not_issue_is_invalid_input() {
        assertThatThrownBy(() -> repository().list(new PageRequest(5, Optional.of("not-a-cursor"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
    }
}
