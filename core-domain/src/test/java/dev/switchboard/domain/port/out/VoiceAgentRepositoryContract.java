package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.AgentAttachments;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.VoiceAgentNotFoundException;
import dev.switchboard.domain.model.WebToolId;
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

    /** The team every agent here belongs to unless a test says otherwise; created by {@link #team(TeamId)}. */
    protected TeamId team;
    protected TeamId otherTeam;

    protected abstract VoiceAgentRepository repository();

    /** Leaves the repository empty. */
    protected abstract void clear();

    /** Makes a team agents can belong to (a real adapter may need the team to exist). */
    protected abstract TeamId team(TeamId id);

    @BeforeEach
    void startEmpty() {
        clear();
        team = team(TeamId.newId());
        otherTeam = team(TeamId.newId());
    }

    protected VoiceAgent agent(String name, String externalId, Instant createdAt) {
        return agent(team, name, externalId, createdAt);
    }

    protected static VoiceAgent agent(TeamId owner, String name, String externalId, Instant createdAt) {
        return new VoiceAgent(VoiceAgentId.newId(), owner, new HamsaAgentId("h-" + UUID.randomUUID()),
                new AgentSettings(name, "Hello " + name, "You are " + name, "en-US", "voice-1"),
                externalId, createdAt, createdAt, 1);
    }

    @Test
    void a_stored_agent_is_found_by_id_exactly_as_stored() {
        VoiceAgent agent = agent("Ada", "crm-1", T0);
        repository().insert(agent);

        assertThat(repository().findById(team, agent.id())).contains(agent);
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertThat(repository().findById(team, VoiceAgentId.newId())).isEmpty();
    }

    @Test
    void an_agent_is_found_by_its_external_id() {
        VoiceAgent agent = agent("Ada", "crm-2", T0);
        repository().insert(agent);
        repository().insert(agent("Bob", null, T0));

        assertThat(repository().findByExternalId(team, "crm-2")).contains(agent);
        assertThat(repository().findByExternalId(team, "crm-unknown")).isEmpty();
    }

    @Test
    void a_second_agent_with_the_same_external_id_is_refused_and_names_the_first() {
        VoiceAgent first = agent("Ada", "crm-3", T0);
        repository().insert(first);

        assertThatThrownBy(() -> repository().insert(agent("Eve", "crm-3", T0)))
                .isInstanceOfSatisfying(DuplicateExternalIdException.class,
                        e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(repository().list(team, PageRequest.first(10)).items()).containsExactly(first);
    }

    @Test
    void agents_without_external_id_do_not_clash() {
        repository().insert(agent("Ada", null, T0));
        repository().insert(agent("Bob", null, T0));

        assertThat(repository().list(team, PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void the_next_version_replaces_the_stored_one() {
        VoiceAgent agent = agent("Ada", null, T0);
        repository().insert(agent);
        VoiceAgent next = agent.withSettings(
                new AgentSettings("Ada 2", "Hi", "You are Ada 2", "ar", "voice-2"), T0.plusSeconds(5));

        repository().update(next);

        assertThat(repository().findById(team, agent.id())).contains(next);
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
        assertThat(repository().findById(team, agent.id())).contains(winner);
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
        Page<VoiceAgent> page = repository().list(team, PageRequest.first(3));
        seen.addAll(page.items());
        int pages = 1;
        while (page.nextCursor().isPresent()) {
            page = repository().list(team, new PageRequest(3, page.nextCursor()));
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

        Page<VoiceAgent> page = repository().list(team, PageRequest.first(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void an_empty_repository_lists_an_empty_last_page() {
        Page<VoiceAgent> page = repository().list(team, PageRequest.first(5));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void a_cursor_this_repository_did_not_issue_is_invalid_input() {
        assertThatThrownBy(() -> repository().list(team, new PageRequest(5, Optional.of("not-a-cursor"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
    }

    @Test
    void another_teams_agent_is_found_neither_by_id_nor_by_external_id_nor_in_lists() {
        VoiceAgent theirs = agent(otherTeam, "Theirs", "crm-theirs", T0);
        repository().insert(theirs);

        assertThat(repository().findById(team, theirs.id())).isEmpty();
        assertThat(repository().findByExternalId(team, "crm-theirs")).isEmpty();
        assertThat(repository().list(team, PageRequest.first(10)).items()).isEmpty();
        assertThat(repository().findById(otherTeam, theirs.id())).contains(theirs);
    }

    @Test
    void an_agent_is_found_by_its_hamsa_id_in_its_own_team_only() {
        VoiceAgent ada = agent("Ada", null, T0);
        VoiceAgent bob = agent("Bob", "crm-bob", T0);
        repository().insert(ada);
        repository().insert(bob);

        assertThat(repository().findByHamsaId(team, ada.hamsaAgentId())).contains(ada);
        assertThat(repository().findByHamsaId(team, bob.hamsaAgentId())).contains(bob);
        assertThat(repository().findByHamsaId(otherTeam, ada.hamsaAgentId())).isEmpty();
        assertThat(repository().findByHamsaId(team, new HamsaAgentId("h-unknown-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void another_teams_agent_is_not_found_by_its_hamsa_id() {
        VoiceAgent theirs = agent(otherTeam, "Theirs", null, T0);
        repository().insert(theirs);

        assertThat(repository().findByHamsaId(team, theirs.hamsaAgentId())).isEmpty();
        assertThat(repository().findByHamsaId(otherTeam, theirs.hamsaAgentId())).contains(theirs);
    }

    @Test
    void an_agent_found_by_its_hamsa_id_is_its_latest_version_with_its_attachments() {
        VoiceAgent agent = attached(team, "Ada", T0, List.of(ITEM), List.of(WebToolId.newId()));
        repository().insert(agent);
        VoiceAgent next = agent.withSettings(agent.settings(), T0.plusSeconds(1));
        repository().update(next);

        assertThat(repository().findByHamsaId(team, agent.hamsaAgentId())).contains(next);
    }

    @Test
    void an_external_id_is_unique_per_team_not_across_teams() {
        VoiceAgent ours = agent("Ours", "crm-shared", T0);
        VoiceAgent theirs = agent(otherTeam, "Theirs", "crm-shared", T0);
        repository().insert(ours);
        repository().insert(theirs);

        assertThat(repository().findByExternalId(team, "crm-shared")).contains(ours);
        assertThat(repository().findByExternalId(otherTeam, "crm-shared")).contains(theirs);
    }

    // --- knowledge items and tools

    private static final KnowledgeItemId ITEM = KnowledgeItemId.newId();
    private static final KnowledgeItemId OTHER_ITEM = KnowledgeItemId.newId();

    protected static VoiceAgent attached(TeamId owner, String name, Instant createdAt, List<KnowledgeItemId> items,
                                         List<WebToolId> tools) {
        List<String> hamsaItems = items.stream().map(i -> "h-kb-" + i).toList();
        List<String> hamsaTools = tools.stream().map(t -> "h-tool-" + t).toList();
        return new VoiceAgent(VoiceAgentId.newId(), owner, new HamsaAgentId("h-" + UUID.randomUUID()),
                new AgentSettings(name, "Hello " + name, "You are " + name, "en-US", "voice-1", hamsaItems, hamsaTools),
                null, createdAt, createdAt, 1, new AgentAttachments(items, tools));
    }

    @Test
    void an_agent_with_knowledge_items_and_tools_is_read_back_exactly_as_stored() {
        VoiceAgent agent = attached(team, "Ada", T0, List.of(OTHER_ITEM, ITEM), List.of(WebToolId.newId(), WebToolId.newId()));
        repository().insert(agent);

        VoiceAgent read = repository().findById(team, agent.id()).orElseThrow();

        assertThat(read).isEqualTo(agent);
        assertThat(read.attachments().knowledgeItems()).containsExactly(OTHER_ITEM, ITEM);
        assertThat(read.settings().knowledgeBaseItemIds()).containsExactly("h-kb-" + OTHER_ITEM, "h-kb-" + ITEM);
        assertThat(read.settings().toolIds()).isEqualTo(agent.settings().toolIds());
        assertThat(repository().list(team, PageRequest.first(10)).items()).containsExactly(agent);
    }

    @Test
    void an_agent_without_attachments_is_read_back_with_empty_lists() {
        VoiceAgent agent = agent("Bare", null, T0);
        repository().insert(agent);

        VoiceAgent read = repository().findById(team, agent.id()).orElseThrow();

        assertThat(read.attachments()).isEqualTo(AgentAttachments.none());
        assertThat(read.settings().knowledgeBaseItemIds()).isEmpty();
        assertThat(read.settings().toolIds()).isEmpty();
    }

    @Test
    void an_update_replaces_the_stored_attachments() {
        WebToolId tool = WebToolId.newId();
        VoiceAgent agent = attached(team, "Ada", T0, List.of(ITEM), List.of(tool));
        repository().insert(agent);
        VoiceAgent next = agent.withSettings(new AgentSettings("Ada", "Hello Ada", "You are Ada", "en-US", "voice-1",
                List.of("h-kb-" + OTHER_ITEM), List.of()), new AgentAttachments(List.of(OTHER_ITEM), List.of()),
                T0.plusSeconds(1));

        repository().update(next);

        assertThat(repository().findById(team, agent.id())).contains(next);
        assertThat(repository().usingKnowledgeItem(team, ITEM)).isEmpty();
        assertThat(repository().usingKnowledgeItem(team, OTHER_ITEM)).containsExactly(agent.id());
    }

    @Test
    void the_agents_using_a_knowledge_item_are_the_teams_that_name_it_oldest_first() {
        VoiceAgent newer = attached(team, "Newer", T0.plusSeconds(10), List.of(OTHER_ITEM, ITEM), List.of());
        VoiceAgent older = attached(team, "Older", T0, List.of(ITEM), List.of());
        VoiceAgent notUsing = attached(team, "Other", T0.plusSeconds(5), List.of(OTHER_ITEM), List.of());
        VoiceAgent bare = agent("Bare", null, T0.plusSeconds(1));
        repository().insert(newer);
        repository().insert(older);
        repository().insert(notUsing);
        repository().insert(bare);

        assertThat(repository().usingKnowledgeItem(team, ITEM)).containsExactly(older.id(), newer.id());
        assertThat(repository().usingKnowledgeItem(team, OTHER_ITEM)).containsExactly(notUsing.id(), newer.id());
    }

    @Test
    void no_agent_uses_an_item_none_names() {
        repository().insert(attached(team, "Ada", T0, List.of(ITEM), List.of()));

        assertThat(repository().usingKnowledgeItem(team, KnowledgeItemId.newId())).isEmpty();
    }

    @Test
    void another_teams_agents_using_the_item_are_not_the_teams() {
        VoiceAgent theirs = attached(otherTeam, "Theirs", T0, List.of(ITEM), List.of());
        repository().insert(theirs);

        assertThat(repository().usingKnowledgeItem(team, ITEM)).isEmpty();
        assertThat(repository().usingKnowledgeItem(otherTeam, ITEM)).containsExactly(theirs.id());
    }
}
