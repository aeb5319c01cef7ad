package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.AttachmentFixtures;
import dev.switchboard.domain.fake.InMemoryAgentWebhookRegistry;
import dev.switchboard.domain.model.AgentWebhook;
import dev.switchboard.domain.model.AgentWebhookId;
import dev.switchboard.domain.model.PlatformWebhook;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.port.out.AgentWebhookRegistry;
import java.net.URI;
import java.security.SecureRandom;
import dev.switchboard.domain.fake.FakeVoiceAgentPlatform;
import dev.switchboard.domain.fake.InMemoryKnowledgeItemRepository;
import dev.switchboard.domain.fake.InMemoryWebToolRepository;
import dev.switchboard.domain.fake.InMemoryExternalIdLock;
import dev.switchboard.domain.fake.InMemoryVoiceAgentRepository;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.AgentAttachments;
import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AttachmentChanges;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.VoiceAgentNotFoundException;
import dev.switchboard.domain.port.in.CloneVoiceAgentCommand;
import dev.switchboard.domain.port.in.CreateVoiceAgentCommand;
import dev.switchboard.domain.port.in.UpdateVoiceAgentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VoiceAgentServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final TeamId TEAM = TeamId.newId();
    private static final TeamId OTHER_TEAM = TeamId.newId();

    private final FakeVoiceAgentPlatform platform = new FakeVoiceAgentPlatform();
    private final InMemoryVoiceAgentRepository repository = new InMemoryVoiceAgentRepository();
    private final MutableClock clock = new MutableClock(T0);
    private final VoiceAgentService service = new VoiceAgentService(platform, repository, new InMemoryExternalIdLock(), clock);

    private static AgentSettings settings(String name) {
        return new AgentSettings(name, "Hello!", "You help customers.", "en-US", "voice-1");
    }

    private static AgentChanges greeting(String greeting) {
        return new AgentChanges(Optional.empty(), Optional.of(greeting), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void creating_an_agent_mirrors_what_the_platform_created_as_version_one() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), "crm-7"));

        assertThat(agent.settings()).isEqualTo(settings("Support"));
        assertThat(agent.externalId()).isEqualTo("crm-7");
        assertThat(agent.version()).isEqualTo(1);
        assertThat(agent.createdAt()).isEqualTo(T0);
        assertThat(agent.updatedAt()).isEqualTo(T0);
        assertThat(repository.findById(TEAM, agent.id())).contains(agent);
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void givenTakenExternalId_whenCreating_thenThePlatformIsNeverAsked() {
        VoiceAgent first = service.create(new CreateVoiceAgentCommand(TEAM, settings("First"), "crm-1"));

        assertThatThrownBy(() -> service.create(new CreateVoiceAgentCommand(TEAM, settings("Second"), "crm-1")))
                .isInstanceOfSatisfying(DuplicateExternalIdException.class,
                        e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void givenThePlatformFails_whenCreating_thenNothingIsMirrored() {
        platform.failNext(new PlatformException(PlatformFailure.UNAVAILABLE, "10503", "down"));

        assertThatThrownBy(() -> service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null)))
                .isInstanceOf(PlatformException.class);
        assertThat(repository.list(TEAM, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void givenTheMirrorFails_whenCreating_thenTheCallerSeesTheFailureAndNoMirrorRowExists() {
        RacingRepository failing = new RacingRepository(repository);
        failing.failNextInsert = new IllegalStateException("database down");
        VoiceAgentService failingService = new VoiceAgentService(platform, failing, new InMemoryExternalIdLock(), clock);

        assertThatThrownBy(() -> failingService.create(new CreateVoiceAgentCommand(TEAM, settings("Orphan"), null)))
                .isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(platform.listAgents()).as("the platform has it: the warning names its id").hasSize(1);
        assertThat(repository.list(TEAM, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void an_update_sends_only_the_changed_fields_and_moves_version_and_time() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));
        clock.advance(Duration.ofMinutes(5));

        VoiceAgent updated = service.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), greeting("Welcome back")));

        assertThat(updated.settings().greeting()).isEqualTo("Welcome back");
        assertThat(updated.settings().name()).isEqualTo("Support");
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(repository.findById(TEAM, agent.id())).contains(updated);
        assertThat(platform.calls()).containsExactly("create", "update");
    }

    @Test
    void an_update_that_changes_nothing_makes_no_platform_call_and_keeps_the_version() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));

        VoiceAgent same = service.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), greeting("Hello!")));

        assertThat(same).isEqualTo(agent);
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void an_update_that_would_make_the_agent_invalid_never_reaches_the_platform() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));
        AgentChanges bad = new AgentChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("English please"), Optional.empty());

        assertThatThrownBy(() -> service.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), bad)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("language"));
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void givenThePlatformFails_whenUpdating_thenTheMirrorKeepsTheOldVersion() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));
        platform.failNext(new PlatformException(PlatformFailure.TIMEOUT, null, "timed out"));

        assertThatThrownBy(() -> service.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), greeting("Hi"))))
                .isInstanceOf(PlatformException.class);
        assertThat(repository.findById(TEAM, agent.id())).contains(agent);
    }

    @Test
    void updating_an_unknown_agent_is_not_found_without_asking_the_platform() {
        assertThatThrownBy(() -> service.update(new UpdateVoiceAgentCommand(TEAM, VoiceAgentId.newId(), greeting("Hi"))))
                .isInstanceOf(VoiceAgentNotFoundException.class);
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void reading_an_agent_never_calls_the_platform() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));

        assertThat(service.get(TEAM, agent.id())).isEqualTo(agent);
        assertThat(service.list(TEAM, PageRequest.first(10)).items()).containsExactly(agent);
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void reading_an_unknown_agent_is_not_found() {
        assertThatThrownBy(() -> service.get(TEAM, VoiceAgentId.newId())).isInstanceOf(VoiceAgentNotFoundException.class);
    }

    @Test
    void a_clone_is_a_new_agent_with_its_own_id_external_id_and_name() {
        VoiceAgent source = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), "crm-1"));
        clock.advance(Duration.ofSeconds(30));

        VoiceAgent copy = service.cloneAgent(new CloneVoiceAgentCommand(TEAM, source.id(), "Support (EU)", "crm-2"));

        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(copy.hamsaAgentId()).isNotEqualTo(source.hamsaAgentId());
        assertThat(copy.settings().name()).isEqualTo("Support (EU)");
        assertThat(copy.settings().preamble()).isEqualTo(source.settings().preamble());
        assertThat(copy.externalId()).isEqualTo("crm-2");
        assertThat(copy.version()).isEqualTo(1);
        assertThat(copy.createdAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(repository.findById(TEAM, copy.id())).contains(copy);
    }

    @Test
    void cloning_with_a_taken_external_id_is_refused_before_the_platform_is_asked() {
        VoiceAgent source = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), "crm-1"));

        assertThatThrownBy(() -> service.cloneAgent(new CloneVoiceAgentCommand(TEAM, source.id(), null, "crm-1")))
                .isInstanceOf(DuplicateExternalIdException.class);
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void givenAnotherUpdateWinsTheRace_whenUpdating_thenTheMirrorHoldsWhatThePlatformHolds() {
        RacingRepository racing = new RacingRepository(repository);
        VoiceAgentService racingService = new VoiceAgentService(platform, racing, new InMemoryExternalIdLock(), clock);
        VoiceAgent agent = racingService.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));
        AgentChanges rivalName = new AgentChanges(Optional.of("Rival"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        // Right after our read, a second request changes the name on the platform and in the mirror, so our
        // platform call applies on top of it and our mirror write finds version 2 already taken.
        racing.afterNextRead = () -> {
            var onPlatform = platform.updateAgent(agent.hamsaAgentId(), rivalName);
            repository.update(agent.withSettings(onPlatform.settings(), T0.plusSeconds(1)));
        };

        VoiceAgent result = racingService.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), greeting("Hi there")));

        assertThat(result.settings().name()).isEqualTo("Rival");
        assertThat(result.settings().greeting()).isEqualTo("Hi there");
        assertThat(result.version()).isEqualTo(3);
        assertThat(repository.findById(TEAM, agent.id())).contains(result);
        assertThat(platform.getAgent(agent.hamsaAgentId()).settings()).isEqualTo(result.settings());
    }

    /** Runs a competing write right after the next read, or fails the next insert. */
    private static final class RacingRepository implements dev.switchboard.domain.port.out.VoiceAgentRepository {
        private final InMemoryVoiceAgentRepository delegate;
        Runnable afterNextRead;
        RuntimeException failNextInsert;

        RacingRepository(InMemoryVoiceAgentRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(VoiceAgent agent) {
            RuntimeException failure = failNextInsert;
            failNextInsert = null;
            if (failure != null) {
                throw failure;
            }
            delegate.insert(agent);
        }

        @Override
        public void update(VoiceAgent agent) {
            delegate.update(agent);
        }

        @Override
        public Optional<VoiceAgent> findById(TeamId team, VoiceAgentId id) {
            Optional<VoiceAgent> found = delegate.findById(team, id);
            Runnable race = afterNextRead;
            afterNextRead = null;
            if (race != null) {
                race.run();
            }
            return found;
        }

        @Override
        public Optional<VoiceAgent> findByExternalId(TeamId team, String externalId) {
            return delegate.findByExternalId(team, externalId);
        }

        @Override
        public Optional<VoiceAgent> findByHamsaId(TeamId team, dev.switchboard.domain.model.HamsaAgentId hamsaAgentId) {
            return delegate.findByHamsaId(team, hamsaAgentId);
        }

        @Override
        public java.util.List<VoiceAgentId> usingKnowledgeItem(TeamId team, dev.switchboard.domain.model.KnowledgeItemId item) {
            return delegate.usingKnowledgeItem(team, item);
        }

        @Override
        public dev.switchboard.domain.model.Page<VoiceAgent> list(TeamId team, PageRequest request) {
            return delegate.list(team, request);
        }
    }

    @Test
    void a_clone_without_a_name_is_named_by_switchboard_and_fits_even_for_a_long_source_name() {
        String longName = "N".repeat(AgentSettings.NAME_MAX);
        VoiceAgent source = service.create(new CreateVoiceAgentCommand(TEAM, settings(longName), null));

        VoiceAgent copy = service.cloneAgent(new CloneVoiceAgentCommand(TEAM, source.id(), null, null));

        assertThat(copy.settings().name()).hasSize(AgentSettings.NAME_MAX).endsWith(" (copy)");
        assertThat(service.cloneAgent(new CloneVoiceAgentCommand(TEAM, 
                service.create(new CreateVoiceAgentCommand(TEAM, settings("Short"), null)).id(), null, null))
                .settings().name()).isEqualTo("Short (copy)");
    }

    @Test
    void cloning_an_unknown_agent_is_not_found() {
        assertThatThrownBy(() -> service.cloneAgent(new CloneVoiceAgentCommand(TEAM, VoiceAgentId.newId(), null, null)))
                .isInstanceOf(VoiceAgentNotFoundException.class);
    }

    @Test
    void another_teams_agent_is_not_found_for_reading_changing_or_cloning() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));
        int platformCalls = platform.calls().size();

        assertThatThrownBy(() -> service.get(OTHER_TEAM, agent.id())).isInstanceOf(VoiceAgentNotFoundException.class);
        assertThatThrownBy(() -> service.update(new UpdateVoiceAgentCommand(OTHER_TEAM, agent.id(), greeting("Mine now"))))
                .isInstanceOf(VoiceAgentNotFoundException.class);
        assertThatThrownBy(() -> service.cloneAgent(new CloneVoiceAgentCommand(OTHER_TEAM, agent.id(), null, null)))
                .isInstanceOf(VoiceAgentNotFoundException.class);
        assertThat(service.list(OTHER_TEAM, PageRequest.first(10)).items()).isEmpty();
        assertThat(platform.calls()).hasSize(platformCalls);
        assertThat(service.get(TEAM, agent.id())).isEqualTo(agent);
    }

    @Test
    void two_teams_may_use_the_same_external_id() {
        VoiceAgent ours = service.create(new CreateVoiceAgentCommand(TEAM, settings("Ours"), "crm-shared"));
        VoiceAgent theirs = service.create(new CreateVoiceAgentCommand(OTHER_TEAM, settings("Theirs"), "crm-shared"));

        assertThat(ours.id()).isNotEqualTo(theirs.id());
        assertThat(theirs.team()).isEqualTo(OTHER_TEAM);
    }

    @Test
    void two_creations_racing_with_one_external_id_make_one_platform_agent_and_the_loser_is_told_the_winner()
            throws Exception {
        platform.slowDown(java.time.Duration.ofMillis(200));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Object> create = () -> {
                try {
                    return service.create(new CreateVoiceAgentCommand(TEAM, settings("Racer"), "crm-race"));
                } catch (DuplicateExternalIdException e) {
                    return e;
                }
            };
            List<java.util.concurrent.Future<Object>> results = pool.invokeAll(List.of(create, create));
            Object a = results.get(0).get();
            Object b = results.get(1).get();

            VoiceAgent winner = (VoiceAgent) (a instanceof VoiceAgent ? a : b);
            DuplicateExternalIdException loser = (DuplicateExternalIdException) (a instanceof VoiceAgent ? b : a);
            assertThat(loser.existing()).isEqualTo(winner.id());
            assertThat(platform.calls()).filteredOn(c -> c.startsWith("create")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- knowledge items and tools

    private final InMemoryKnowledgeItemRepository knowledge = new InMemoryKnowledgeItemRepository();
    private final InMemoryWebToolRepository tools = new InMemoryWebToolRepository();
    private final VoiceAgentService attaching = new VoiceAgentService(platform, repository, new InMemoryExternalIdLock(),
            clock, new AgentAttachmentResolver(knowledge, tools));
    private final KnowledgeItem faq = AttachmentFixtures.storedItem(knowledge, TEAM, "h-kb-faq");
    private final KnowledgeItem prices = AttachmentFixtures.storedItem(knowledge, TEAM, "h-kb-prices");
    private final WebTool lookup = AttachmentFixtures.storedTool(tools, TEAM, "lookup_order");

    private static AttachmentChanges attach(List<KnowledgeItem> items, List<WebTool> webTools) {
        return new AttachmentChanges(
                items == null ? Optional.empty() : Optional.of(items.stream().map(i -> i.id().toString()).toList()),
                webTools == null ? Optional.empty() : Optional.of(webTools.stream().map(t -> t.id().toString()).toList()));
    }

    private VoiceAgent createAttached() {
        return attaching.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null,
                attach(List.of(faq), List.of(lookup))));
    }

    @Test
    void a_created_agent_sends_hamsas_ids_to_the_platform_and_mirrors_switchboards() {
        VoiceAgent agent = createAttached();

        assertThat(platform.getAgent(agent.hamsaAgentId()).settings().knowledgeBaseItemIds()).containsExactly("h-kb-faq");
        assertThat(platform.getAgent(agent.hamsaAgentId()).settings().toolIds()).containsExactly(lookup.hamsaToolId());
        assertThat(agent.settings().knowledgeBaseItemIds()).containsExactly("h-kb-faq");
        assertThat(agent.settings().toolIds()).containsExactly(lookup.hamsaToolId());
        assertThat(agent.attachments()).isEqualTo(new AgentAttachments(List.of(faq.id()), List.of(lookup.id())));
        assertThat(repository.findById(TEAM, agent.id())).contains(agent);
    }

    @Test
    void a_created_agent_naming_nothing_uses_nothing() {
        VoiceAgent agent = attaching.create(new CreateVoiceAgentCommand(TEAM, settings("Plain"), null));

        assertThat(agent.attachments()).isEqualTo(AgentAttachments.none());
        assertThat(agent.settings()).isEqualTo(settings("Plain"));
    }

    @Test
    void creating_with_an_invalid_id_never_reaches_the_platform() {
        String unknown = WebToolId.newId().toString();

        assertThatThrownBy(() -> attaching.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), "crm-x",
                new AttachmentChanges(Optional.of(List.of(faq.id().toString())), Optional.of(List.of(unknown))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("toolIds");
                            assertThat(v.message()).contains(unknown);
                        }));
        assertThat(platform.calls()).isEmpty();
        assertThat(repository.list(TEAM, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void creating_with_another_teams_item_never_reaches_the_platform() {
        KnowledgeItem theirs = AttachmentFixtures.storedItem(knowledge, OTHER_TEAM, "h-kb-theirs");

        assertThatThrownBy(() -> attaching.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null,
                attach(List.of(theirs), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("knowledgeItemIds"));
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void an_update_of_the_attachments_alone_reaches_the_platform_and_stores_both_lists() {
        VoiceAgent agent = createAttached();
        clock.advance(Duration.ofMinutes(1));

        VoiceAgent updated = attaching.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), AgentChanges.none(),
                attach(List.of(prices, faq), null)));

        assertThat(platform.calls()).containsExactly("create", "update");
        assertThat(updated.settings().knowledgeBaseItemIds()).containsExactly("h-kb-prices", "h-kb-faq");
        assertThat(updated.settings().toolIds()).as("not named: kept").containsExactly(lookup.hamsaToolId());
        assertThat(updated.attachments()).isEqualTo(new AgentAttachments(List.of(prices.id(), faq.id()), List.of(lookup.id())));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(repository.findById(TEAM, agent.id())).contains(updated);
        assertThat(platform.getAgent(agent.hamsaAgentId()).settings()).isEqualTo(updated.settings());
    }

    @Test
    void an_update_with_empty_lists_detaches_everything() {
        VoiceAgent agent = createAttached();

        VoiceAgent updated = attaching.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), AgentChanges.none(),
                attach(List.of(), List.of())));

        assertThat(updated.attachments()).isEqualTo(AgentAttachments.none());
        assertThat(updated.settings().knowledgeBaseItemIds()).isEmpty();
        assertThat(platform.getAgent(agent.hamsaAgentId()).settings().toolIds()).isEmpty();
        assertThat(repository.usingKnowledgeItem(TEAM, faq.id())).isEmpty();
    }

    @Test
    void an_update_naming_the_lists_the_agent_already_has_is_a_no_op() {
        VoiceAgent agent = createAttached();

        VoiceAgent same = attaching.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), greeting("Hello!"),
                attach(List.of(faq), List.of(lookup))));

        assertThat(same).isEqualTo(agent);
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void an_update_of_settings_alone_keeps_the_attachments() {
        VoiceAgent agent = createAttached();

        VoiceAgent updated = attaching.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), greeting("Hi")));

        assertThat(updated.attachments()).isEqualTo(agent.attachments());
        assertThat(updated.settings().knowledgeBaseItemIds()).containsExactly("h-kb-faq");
        assertThat(updated.settings().toolIds()).containsExactly(lookup.hamsaToolId());
    }

    @Test
    void an_update_with_an_invalid_id_never_reaches_the_platform_and_changes_nothing() {
        VoiceAgent agent = createAttached();
        KnowledgeItem uploading = AttachmentFixtures.storedItem(knowledge, TEAM, null);

        assertThatThrownBy(() -> attaching.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), greeting("Hi"),
                attach(List.of(uploading), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("knowledgeItemIds"));
        assertThat(platform.calls()).containsExactly("create");
        assertThat(repository.findById(TEAM, agent.id())).contains(agent);
    }

    @Test
    void a_clone_uses_the_sources_knowledge_items_and_tools() {
        VoiceAgent source = createAttached();
        clock.advance(Duration.ofSeconds(1));

        VoiceAgent copy = attaching.cloneAgent(new CloneVoiceAgentCommand(TEAM, source.id(), "Support (EU)", null));

        assertThat(copy.attachments()).isEqualTo(source.attachments());
        assertThat(copy.settings().knowledgeBaseItemIds()).isEqualTo(source.settings().knowledgeBaseItemIds());
        assertThat(copy.settings().toolIds()).isEqualTo(source.settings().toolIds());
        assertThat(repository.usingKnowledgeItem(TEAM, faq.id())).containsExactly(source.id(), copy.id());
    }

    @Test
    void a_service_built_without_knowledge_or_tools_refuses_any_id_before_the_platform() {
        assertThatThrownBy(() -> service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null,
                attach(List.of(faq), List.of(lookup)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("knowledgeItemIds", "toolIds"));
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void givenAnotherUpdateWinsTheRace_whenAttaching_thenTheMirrorsTwoListsStillLineUp() {
        RacingRepository racing = new RacingRepository(repository);
        VoiceAgentService racingService = new VoiceAgentService(platform, racing, new InMemoryExternalIdLock(), clock,
                new AgentAttachmentResolver(knowledge, tools));
        VoiceAgent agent = racingService.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));
        AgentChanges rivalName = new AgentChanges(Optional.of("Rival"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        racing.afterNextRead = () -> {
            var onPlatform = platform.updateAgent(agent.hamsaAgentId(), rivalName);
            repository.update(agent.withSettings(onPlatform.settings(), T0.plusSeconds(1)));
        };

        VoiceAgent result = racingService.update(new UpdateVoiceAgentCommand(TEAM, agent.id(), AgentChanges.none(),
                attach(List.of(faq), null)));

        assertThat(result.settings().name()).isEqualTo("Rival");
        assertThat(result.settings().knowledgeBaseItemIds()).containsExactly("h-kb-faq");
        assertThat(result.attachments().knowledgeItems()).as("Switchboard's ids of what Hamsa now holds")
                .containsExactly(faq.id());
        assertThat(repository.usingKnowledgeItem(TEAM, faq.id())).containsExactly(agent.id());
    }

    // --- agent-level webhooks

    private final InMemoryAgentWebhookRegistry webhookRegistry = new InMemoryAgentWebhookRegistry();
    /** What the platform had been asked when each webhook was stored. */
    private final List<List<String>> platformCallsAtRegistration = new java.util.ArrayList<>();
    private final VoiceAgentService webhooked = new VoiceAgentService(platform, repository, new InMemoryExternalIdLock(),
            clock, new AgentAttachmentResolver(knowledge, tools), new AgentWebhooks(new AgentWebhookRegistry() {
                @Override
                public void register(AgentWebhook webhook) {
                    platformCallsAtRegistration.add(platform.calls());
                    webhookRegistry.register(webhook);
                }

                @Override
                public Optional<AgentWebhook> find(AgentWebhookId id) {
                    return webhookRegistry.find(id);
                }
            }, CallHarness.POLICY, new SecureRandom(), clock));

    @Test
    void with_agent_webhooks_a_created_agent_gets_a_webhook_of_its_team_stored_before_the_platform_is_asked() {
        VoiceAgent agent = webhooked.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), "crm-1"));

        AgentWebhook stored = webhookRegistry.all().get(0);
        assertThat(webhookRegistry.all()).hasSize(1);
        assertThat(stored.team()).isEqualTo(TEAM);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(platformCallsAtRegistration).as("stored before the platform heard of it").containsExactly(List.of());
        assertThat(platform.calls()).containsExactly("create");
        assertThat(platform.webhookOf(agent.hamsaAgentId())).hasValueSatisfying(given -> {
            assertThat(given.url()).isEqualTo(URI.create("https://switchboard.example/base/webhooks/hamsa/agents/"
                    + stored.id()));
            assertThat(given.url()).isEqualTo(CallHarness.POLICY.agentWebhookUrl(stored.id()));
            assertThat(given.secret().reveal()).startsWith("whs_");
            assertThat(given.secret().digest()).isEqualTo(stored.secretDigest());
            assertThat(WebhookSecret.presentedIn("Bearer " + given.secret().reveal(), stored.secretDigest())).isTrue();
        });
        assertThat(repository.findById(TEAM, agent.id())).contains(agent);
    }

    @Test
    void with_agent_webhooks_each_created_agent_gets_its_own_address_and_secret() {
        VoiceAgent first = webhooked.create(new CreateVoiceAgentCommand(TEAM, settings("First"), null));
        VoiceAgent second = webhooked.create(new CreateVoiceAgentCommand(OTHER_TEAM, settings("Second"), null));

        PlatformWebhook a = platform.webhookOf(first.hamsaAgentId()).orElseThrow();
        PlatformWebhook b = platform.webhookOf(second.hamsaAgentId()).orElseThrow();
        assertThat(a.url()).isNotEqualTo(b.url());
        assertThat(a.secret().reveal()).isNotEqualTo(b.secret().reveal());
        assertThat(webhookRegistry.all()).extracting(AgentWebhook::team).containsExactlyInAnyOrder(TEAM, OTHER_TEAM);
    }

    @Test
    void with_agent_webhooks_a_platform_refusal_leaves_a_registered_webhook_that_nothing_uses() {
        platform.failNext(new PlatformException(PlatformFailure.VALIDATION, "10400", "bad voice"));

        assertThatThrownBy(() -> webhooked.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null)))
                .isInstanceOf(PlatformException.class);

        assertThat(webhookRegistry.all()).singleElement().satisfies(w -> assertThat(w.team()).isEqualTo(TEAM));
        assertThat(repository.list(TEAM, PageRequest.first(10)).items()).isEmpty();
        assertThat(platform.listAgents()).isEmpty();
    }

    @Test
    void with_agent_webhooks_a_taken_external_id_registers_no_webhook() {
        webhooked.create(new CreateVoiceAgentCommand(TEAM, settings("First"), "crm-1"));

        assertThatThrownBy(() -> webhooked.create(new CreateVoiceAgentCommand(TEAM, settings("Second"), "crm-1")))
                .isInstanceOf(DuplicateExternalIdException.class);
        assertThat(webhookRegistry.all()).hasSize(1);
    }

    @Test
    void without_agent_webhooks_the_platform_is_given_no_webhook() {
        VoiceAgent agent = service.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));
        VoiceAgent attached = attaching.create(new CreateVoiceAgentCommand(TEAM, settings("Attached"), null));

        assertThat(platform.webhookOf(agent.hamsaAgentId())).isEmpty();
        assertThat(platform.webhookOf(attached.hamsaAgentId())).isEmpty();
        assertThat(webhookRegistry.all()).isEmpty();
    }

    @Test
    void a_clone_keeps_its_sources_webhook_on_the_platform_and_registers_none() {
        VoiceAgent source = webhooked.create(new CreateVoiceAgentCommand(TEAM, settings("Support"), null));

        VoiceAgent copy = webhooked.cloneAgent(new CloneVoiceAgentCommand(TEAM, source.id(), "Support (EU)", null));

        assertThat(platform.webhookOf(copy.hamsaAgentId())).isPresent()
                .isEqualTo(platform.webhookOf(source.hamsaAgentId()));
        assertThat(webhookRegistry.all()).hasSize(1);
    }
}
