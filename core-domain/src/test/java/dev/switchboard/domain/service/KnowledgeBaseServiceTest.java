package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.FakeHostResolver;
import dev.switchboard.domain.fake.FakeKnowledgeBasePlatform;
import dev.switchboard.domain.fake.InMemoryKnowledgeItemRepository;
import dev.switchboard.domain.fake.InMemoryVoiceAgentRepository;
import dev.switchboard.domain.fake.InMemoryTeamRepository;
import dev.switchboard.domain.fake.KnowledgeFiles;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeFileKind;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeItemInUseException;
import dev.switchboard.domain.model.AgentAttachments;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.KnowledgeItemNotFoundException;
import dev.switchboard.domain.model.KnowledgeLimits;
import dev.switchboard.domain.model.KnowledgeQuotaExceededException;
import dev.switchboard.domain.model.KnowledgeQuotaExceededException.Limit;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.KnowledgeType;
import dev.switchboard.domain.model.OutboundUrlPolicy;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TeamNotFoundException;
import dev.switchboard.domain.port.in.AddKnowledgeItemCommand;
import dev.switchboard.domain.port.in.UpdateKnowledgeItemCommand;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class KnowledgeBaseServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final long MAX_FILE = 10_000;
    private static final long DEFAULT_BUDGET = 1_000;
    private static final long ACCOUNT = 3_000;

    private final TeamId team = TeamId.newId();
    private final TeamId otherTeam = TeamId.newId();
    private final FakeKnowledgeBasePlatform platform = new FakeKnowledgeBasePlatform();
    private final InMemoryKnowledgeItemRepository repository = new InMemoryKnowledgeItemRepository();
    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    private final InMemoryVoiceAgentRepository agents = new InMemoryVoiceAgentRepository();
    private final FakeHostResolver dns = new FakeHostResolver()
            .with("docs.example.com", "93.184.215.14")
            .with("intranet.example.com", "10.0.0.1")
            .with("metadata.example.com", "169.254.169.254");
    private final MutableClock clock = new MutableClock(T0);
    private final KnowledgeBaseService service = new KnowledgeBaseService(platform, repository, teams, agents,
            new dev.switchboard.domain.fake.InMemoryExternalIdLock(),
            new OutboundUrlGuard(dns, OutboundUrlPolicy.strict()), new KnowledgeLimits(MAX_FILE, DEFAULT_BUDGET, ACCOUNT),
            clock);

    KnowledgeBaseServiceTest() {
        teams.insert(new Team(team, "Ours", null, T0));
        teams.insert(new Team(otherTeam, "Theirs", null, T0));
    }

    private static String text(int length) {
        return "k".repeat(length);
    }

    private KnowledgeItem addText(int length) {
        return service.add(AddKnowledgeItemCommand.text(team, "Text " + length, text(length)));
    }

    private KnowledgeItem addUrls(String... urls) {
        return service.add(AddKnowledgeItemCommand.urls(team, "Docs", List.of(urls)));
    }

    private KnowledgeStorage storage() {
        return service.storage(team);
    }

    private static List<String> pages(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "https://docs.example.com/p/" + i).toList();
    }

    private static void assertFields(ThrowingCallable call, String... fields) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(fields));
    }

    private static void assertLimit(ThrowingCallable call, Limit limit) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KnowledgeQuotaExceededException.class,
                e -> assertThat(e.limit()).isEqualTo(limit));
    }

    // --- after review: uploads in flight, unreadable answers, racing the refresh

    @Test
    void an_item_whose_upload_is_still_being_answered_cannot_be_deleted() {
        java.util.concurrent.atomic.AtomicReference<Throwable> refused = new java.util.concurrent.atomic.AtomicReference<>();
        platform.beforeNext(() -> {
            KnowledgeItem inFlight = repository.list(team, dev.switchboard.domain.model.PageRequest.first(10)).items().get(0);
            try {
                service.delete(team, inFlight.id());
            } catch (RuntimeException e) {
                refused.set(e);
            }
        });

        KnowledgeItem stored = addText(60);

        assertThat(refused.get()).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(service.get(team, stored.id()).hamsaId()).isPresent();
        assertThat(storage().teamUsedBytes()).isEqualTo(60);
    }

    @Test
    void an_unreadable_answer_to_an_upload_keeps_the_bytes_counted_as_it_may_be_on_hamsa() {
        platform.failNext(dev.switchboard.domain.model.PlatformException.withoutAnswer(
                dev.switchboard.domain.model.PlatformFailure.BAD_RESPONSE, "no id", null));

        assertThatThrownBy(() -> addText(70)).isInstanceOf(dev.switchboard.domain.model.PlatformException.class);

        KnowledgeItem kept = repository.list(team, dev.switchboard.domain.model.PageRequest.first(10)).items().get(0);
        assertThat(kept.status()).isEqualTo(KnowledgeStatus.FAILED);
        assertThat(kept.failureReason()).isEqualTo(KnowledgeBaseService.OUTCOME_UNKNOWN);
        assertThat(storage().teamUsedBytes()).isEqualTo(70);
        service.delete(team, kept.id());
        assertThat(storage().teamUsedBytes()).isZero();
    }

    @Test
    void urls_hamsa_added_are_recorded_even_when_the_refresh_wrote_the_item_meanwhile() {
        KnowledgeItem item = addUrls("https://docs.example.com/a");
        platform.beforeNext(() -> repository.update(item.withPlatform(new dev.switchboard.domain.model.PlatformKnowledgeItem(
                item.hamsaItemId(), KnowledgeStatus.PROCESSING, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty()), clock.instant())));

        KnowledgeItem after = service.addUrls(team, item.id(), List.of("https://docs.example.com/b"));

        assertThat(((KnowledgeContent.Urls) after.content()).urls()).extracting(Object::toString)
                .containsExactly("https://docs.example.com/a", "https://docs.example.com/b");
        assertThat(service.get(team, item.id())).isEqualTo(after);
        assertThat(platform.calls()).filteredOn("addUrls"::equals).hasSize(1);
    }

    @Test
    void renaming_an_item_keeps_the_larger_size_hamsa_reported() {
        KnowledgeItem item = addText(60);
        platform.finishProcessing(item.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 500);
        KnowledgeItem reported = item.withPlatform(platform.getItem(item.hamsaItemId()), clock.instant());
        repository.update(reported);

        KnowledgeItem renamed = service.update(new dev.switchboard.domain.port.in.UpdateKnowledgeItemCommand(team, item.id(),
                java.util.Optional.of("Renamed"), java.util.Optional.empty()));

        assertThat(renamed.sizeBytes()).isEqualTo(500);
        assertThat(storage().teamUsedBytes()).isEqualTo(500);
    }

    @Test
    void a_nul_character_in_a_name_or_text_is_refused_before_anything_is_stored() {
        assertFields(() -> service.add(AddKnowledgeItemCommand.text(team, "a\u0000b", text(60))), "name");
        assertFields(() -> service.add(AddKnowledgeItemCommand.text(team, "ok", text(59) + "\u0000")), "content");
        assertThat(platform.callCount()).isZero();
        assertThat(storage().teamUsedBytes()).isZero();
    }

    // --- adding

    @Test
    void a_text_item_is_stored_on_hamsa_and_recorded_with_its_id_and_status() {
        KnowledgeItem item = service.add(AddKnowledgeItemCommand.text(team, "Policies", text(120)));

        assertThat(item.hamsaId()).isPresent();
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().text()).isEqualTo(text(120));
        assertThat(item.status()).isEqualTo(KnowledgeStatus.PENDING);
        assertThat(item.type()).isEqualTo(KnowledgeType.TEXT);
        assertThat(item.sizeBytes()).isEqualTo(120);
        assertThat(item.team()).isEqualTo(team);
        assertThat(item.createdAt()).isEqualTo(T0);
        assertThat(repository.findById(team, item.id())).contains(item);
        assertThat(service.get(team, item.id())).isEqualTo(item);
        assertThat(platform.calls()).containsExactly("create");
        assertThat(storage().teamUsedBytes()).isEqualTo(120);
    }

    @Test
    void a_url_item_is_stored_on_hamsa_with_every_url_and_counts_nothing_until_fetched() {
        KnowledgeItem item = addUrls("https://docs.example.com/faq", "https://docs.example.com/pricing");

        assertThat(item.hamsaId()).isPresent();
        assertThat(item.status()).isEqualTo(KnowledgeStatus.PENDING);
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().urls()).containsExactly(
                URI.create("https://docs.example.com/faq"), URI.create("https://docs.example.com/pricing"));
        assertThat(item.sizeBytes()).isZero();
        assertThat(repository.findById(team, item.id())).contains(item);
    }

    @Test
    void a_file_item_is_checked_by_its_bytes_stored_on_hamsa_and_counts_its_bytes() {
        byte[] pdf = KnowledgeFiles.pdf();

        KnowledgeItem item = service.add(AddKnowledgeItemCommand.file(team, "Manual", "manual.pdf", pdf));

        assertThat(item.content()).isEqualTo(new KnowledgeContent.File("manual.pdf", KnowledgeFileKind.PDF, pdf.length));
        assertThat(item.hamsaId()).isPresent();
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().sizeBytes()).isEqualTo(pdf.length);
        assertThat(item.sizeBytes()).isEqualTo(pdf.length);
        assertThat(repository.findById(team, item.id())).contains(item);
    }

    @Test
    void a_file_whose_bytes_are_not_what_its_name_says_never_reaches_hamsa() {
        assertFields(() -> service.add(AddKnowledgeItemCommand.file(team, "Notes", "notes.txt", KnowledgeFiles.pdf())),
                "file");
        assertFields(() -> service.add(AddKnowledgeItemCommand.file(team, "Big", "big.txt", new byte[(int) MAX_FILE + 1])),
                "file");
        assertThat(platform.callCount()).isZero();
    }

    @Test
    void hostile_urls_are_refused_each_named_by_its_place_and_hamsa_is_never_called() {
        assertThatThrownBy(() -> addUrls("https://docs.example.com/ok", "https://intranet.example.com/wiki",
                "https://metadata.example.com/latest/meta-data", "https://127.0.0.1/admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field)
                            .containsExactly("urls[1]", "urls[2]", "urls[3]");
                    assertThat(e.violations()).extracting(FieldViolation::message).allMatch(m -> m.contains("must not"));
                });
        assertThat(platform.callCount()).isZero();
        assertThat(repository.list(team, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_field_another_type_takes_is_refused() {
        assertFields(() -> service.add(new AddKnowledgeItemCommand(team, "Mixed", KnowledgeType.TEXT, text(60),
                List.of("https://docs.example.com"), null, null)), "urls");
        assertFields(() -> service.add(new AddKnowledgeItemCommand(team, "No urls", KnowledgeType.URL, null, null,
                null, null)), "urls");
        assertThat(platform.callCount()).isZero();
    }

    @Test
    void an_item_past_the_team_budget_is_refused_before_hamsa_is_called() {
        service.setBudget(team, 100L);

        assertLimit(() -> addText(101), Limit.TEAM);
        assertThat(platform.callCount()).isZero();
        assertThat(repository.list(team, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void an_item_past_the_default_budget_is_refused_after_earlier_items_used_it() {
        addText(600);

        assertLimit(() -> addText(401), Limit.TEAM);
        assertThat(platform.calls()).containsExactly("create");
        assertThat(storage().teamUsedBytes()).isEqualTo(600);
    }

    @Test
    void an_item_past_the_account_limit_is_refused_before_hamsa_is_called() {
        repository.setTeamBudget(otherTeam, 5_000L);
        repository.reserve(KnowledgeItem.reserved(KnowledgeItemId.newId(), otherTeam, "Theirs",
                new KnowledgeContent.Text(text(2_950)), T0), DEFAULT_BUDGET, ACCOUNT);

        assertLimit(() -> addText(51), Limit.ACCOUNT);
        assertThat(platform.callCount()).isZero();
        assertThat(storage()).isEqualTo(new KnowledgeStorage(0, DEFAULT_BUDGET, 2_950, ACCOUNT));
    }

    @Test
    void a_definite_hamsa_refusal_frees_the_reserved_bytes() {
        platform.failNext(new PlatformException(PlatformFailure.VALIDATION, "10422", "bad item"));

        assertThatThrownBy(() -> addText(300)).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(PlatformFailure.VALIDATION));
        assertThat(repository.list(team, PageRequest.first(10)).items()).isEmpty();
        assertThat(storage().teamUsedBytes()).isZero();
    }

    @Test
    void hamsa_being_unreachable_before_the_upload_frees_the_reserved_bytes() {
        platform.failNext(new PlatformException(PlatformFailure.UNAVAILABLE, null, "connection refused"));

        assertThatThrownBy(() -> addText(300)).isInstanceOf(PlatformException.class);
        assertThat(storage().teamUsedBytes()).isZero();
    }

    @Test
    void a_timeout_keeps_the_bytes_counted_and_marks_the_item_failed_saying_what_to_do() {
        platform.failNext(PlatformException.withoutAnswer(PlatformFailure.TIMEOUT, "read timed out", null));

        assertThatThrownBy(() -> addText(300)).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(PlatformFailure.TIMEOUT));

        List<KnowledgeItem> items = repository.list(team, PageRequest.first(10)).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(KnowledgeStatus.FAILED);
            assertThat(item.failureReason()).isEqualTo(KnowledgeBaseService.OUTCOME_UNKNOWN)
                    .contains("bytes stay counted until you delete it");
            assertThat(item.hamsaId()).isEmpty();
        });
        assertThat(storage().teamUsedBytes()).isEqualTo(300);
        assertThat(repository.settling(10)).isEmpty();
    }

    @Test
    void a_failure_after_which_hamsa_may_have_stored_it_keeps_the_bytes_counted_too() {
        platform.failNext(new PlatformException(PlatformFailure.UNAVAILABLE, "10500", "internal error").withEffectUnknown());

        assertThatThrownBy(() -> addText(300)).isInstanceOf(PlatformException.class);

        assertThat(repository.list(team, PageRequest.first(10)).items()).singleElement()
                .satisfies(item -> assertThat(item.failureReason()).isEqualTo(KnowledgeBaseService.OUTCOME_UNKNOWN));
        assertThat(storage().teamUsedBytes()).isEqualTo(300);
    }

    @Test
    void an_item_whose_upload_outcome_is_unknown_can_be_deleted_without_asking_hamsa() {
        platform.failNext(PlatformException.withoutAnswer(PlatformFailure.TIMEOUT, "timed out", null));
        assertThatThrownBy(() -> addText(300)).isInstanceOf(PlatformException.class);
        KnowledgeItem failed = repository.list(team, PageRequest.first(10)).items().get(0);

        service.delete(team, failed.id());

        assertThat(platform.calls()).containsExactly("create");
        assertThat(storage().teamUsedBytes()).isZero();
    }

    @Test
    void an_item_still_being_uploaded_cannot_be_changed_yet() {
        KnowledgeItem uploading = KnowledgeItem.reserved(KnowledgeItemId.newId(), team, "Uploading",
                new KnowledgeContent.Text(text(60)), T0);
        repository.reserve(uploading, DEFAULT_BUDGET, ACCOUNT);

        assertThatThrownBy(() -> service.update(new UpdateKnowledgeItemCommand(team, uploading.id(),
                Optional.of("New"), Optional.empty()))).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> service.setActive(team, uploading.id(), false))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(platform.callCount()).isZero();
    }

    // --- updating

    @Test
    void new_text_that_grows_within_the_budget_is_recorded_and_sent_to_hamsa() {
        KnowledgeItem item = addText(100);
        clock.advance(Duration.ofMinutes(1));

        KnowledgeItem updated = service.update(new UpdateKnowledgeItemCommand(team, item.id(), Optional.empty(),
                Optional.of(text(900))));

        assertThat(updated.sizeBytes()).isEqualTo(900);
        assertThat(updated.content()).isEqualTo(new KnowledgeContent.Text(text(900)));
        assertThat(updated.name()).isEqualTo(item.name());
        assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(repository.findById(team, item.id())).contains(updated);
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().text()).isEqualTo(text(900));
        assertThat(platform.calls()).containsExactly("create", "update");
        assertThat(storage().teamUsedBytes()).isEqualTo(900);
    }

    @Test
    void new_text_past_the_budget_is_refused_and_nothing_is_sent() {
        KnowledgeItem item = addText(600);

        assertLimit(() -> service.update(new UpdateKnowledgeItemCommand(team, item.id(), Optional.empty(),
                Optional.of(text(1_001)))), Limit.TEAM);
        assertThat(platform.calls()).containsExactly("create");
        assertThat(repository.findById(team, item.id())).contains(item);
        assertThat(storage().teamUsedBytes()).isEqualTo(600);
    }

    @Test
    void a_rename_alone_sends_no_text() {
        KnowledgeItem item = addText(100);

        KnowledgeItem renamed = service.update(new UpdateKnowledgeItemCommand(team, item.id(), Optional.of("Renamed"),
                Optional.empty()));

        assertThat(renamed.name()).isEqualTo("Renamed");
        assertThat(renamed.content()).isEqualTo(item.content());
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().name()).isEqualTo("Renamed");
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().text()).isEqualTo(text(100));
    }

    @Test
    void an_update_that_changes_nothing_makes_no_hamsa_call_and_keeps_the_version() {
        KnowledgeItem item = addText(100);

        KnowledgeItem same = service.update(new UpdateKnowledgeItemCommand(team, item.id(), Optional.of(item.name()),
                Optional.of(text(100))));

        assertThat(same).isEqualTo(item);
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void new_content_for_a_url_item_is_refused() {
        KnowledgeItem item = addUrls("https://docs.example.com/faq");

        assertFields(() -> service.update(new UpdateKnowledgeItemCommand(team, item.id(), Optional.empty(),
                Optional.of(text(100)))), "content");
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void a_change_hamsa_refuses_is_reverted_in_the_record() {
        KnowledgeItem item = addText(100);
        platform.failNext(new PlatformException(PlatformFailure.VALIDATION, "10422", "refused"));

        assertThatThrownBy(() -> service.update(new UpdateKnowledgeItemCommand(team, item.id(), Optional.of("New"),
                Optional.of(text(800))))).isInstanceOf(PlatformException.class);

        KnowledgeItem stored = repository.findById(team, item.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo(item.name());
        assertThat(stored.content()).isEqualTo(item.content());
        assertThat(stored.sizeBytes()).isEqualTo(100);
        assertThat(stored.version()).isEqualTo(item.version() + 2);
        assertThat(storage().teamUsedBytes()).isEqualTo(100);
    }

    @Test
    void a_change_hamsa_may_have_taken_stays_recorded_and_counted() {
        KnowledgeItem item = addText(100);
        platform.failNext(PlatformException.withoutAnswer(PlatformFailure.TIMEOUT, "timed out", null));

        assertThatThrownBy(() -> service.update(new UpdateKnowledgeItemCommand(team, item.id(), Optional.empty(),
                Optional.of(text(800))))).isInstanceOf(PlatformException.class);

        assertThat(repository.findById(team, item.id()).orElseThrow().content())
                .isEqualTo(new KnowledgeContent.Text(text(800)));
        assertThat(storage().teamUsedBytes()).isEqualTo(800);
    }

    // --- deleting

    @Test
    void a_deleted_item_is_removed_from_hamsa_and_its_bytes_freed() {
        KnowledgeItem item = addText(400);

        service.delete(team, item.id());

        assertThat(platform.calls()).containsExactly("create", "delete");
        assertThat(platform.stored(item.hamsaItemId())).isEmpty();
        assertThat(repository.findById(team, item.id())).isEmpty();
        assertThat(storage().teamUsedBytes()).isZero();
    }

    @Test
    void an_item_hamsa_no_longer_has_is_still_deleted_here() {
        KnowledgeItem item = addText(400);
        platform.lose(item.hamsaItemId());

        service.delete(team, item.id());

        assertThat(repository.findById(team, item.id())).isEmpty();
        assertThat(storage().teamUsedBytes()).isZero();
    }

    @Test
    void an_item_hamsa_could_not_delete_is_kept() {
        KnowledgeItem item = addText(400);
        platform.failNext(new PlatformException(PlatformFailure.UNAVAILABLE, null, "down"));

        assertThatThrownBy(() -> service.delete(team, item.id())).isInstanceOf(PlatformException.class);
        assertThat(repository.findById(team, item.id())).contains(item);
        assertThat(storage().teamUsedBytes()).isEqualTo(400);
    }

    private VoiceAgent agentUsing(TeamId owner, KnowledgeItem item, Instant createdAt) {
        VoiceAgent agent = new VoiceAgent(VoiceAgentId.newId(), owner, new HamsaAgentId("h-agent-" + UUID.randomUUID()),
                new AgentSettings("Support", "Hello!", "You help.", "en", "voice-1", List.of(item.hamsaItemId()), List.of()),
                null, createdAt, createdAt, 1, new AgentAttachments(List.of(item.id()), List.of()));
        agents.insert(agent);
        return agent;
    }

    @Test
    void an_item_agents_use_is_not_deleted_and_hamsa_is_not_asked() {
        KnowledgeItem item = addText(400);
        VoiceAgent second = agentUsing(team, item, T0.plusSeconds(2));
        VoiceAgent first = agentUsing(team, item, T0.plusSeconds(1));

        assertThatThrownBy(() -> service.delete(team, item.id()))
                .isInstanceOfSatisfying(KnowledgeItemInUseException.class,
                        e -> assertThat(e.agents()).containsExactly(first.id(), second.id()));
        assertThat(platform.calls()).containsExactly("create");
        assertThat(platform.stored(item.hamsaItemId())).isPresent();
        assertThat(repository.findById(team, item.id())).contains(item);
        assertThat(storage().teamUsedBytes()).isEqualTo(400);
    }

    @Test
    void an_item_is_deleted_once_no_agent_uses_it_any_more() {
        KnowledgeItem item = addText(400);
        VoiceAgent user = agentUsing(team, item, T0);
        assertThatThrownBy(() -> service.delete(team, item.id())).isInstanceOf(KnowledgeItemInUseException.class);
        agents.update(user.withSettings(new AgentSettings("Support", "Hello!", "You help.", "en", "voice-1"),
                AgentAttachments.none(), T0.plusSeconds(1)));

        service.delete(team, item.id());

        assertThat(platform.calls()).containsExactly("create", "delete");
        assertThat(repository.findById(team, item.id())).isEmpty();
    }

    @Test
    void agents_using_an_item_of_another_team_do_not_keep_ours() {
        KnowledgeItem ours = addText(400);
        agentUsing(otherTeam, ours, T0);

        service.delete(team, ours.id());

        assertThat(repository.findById(team, ours.id())).isEmpty();
        assertThat(platform.calls()).containsExactly("create", "delete");
    }

    @Test
    void agents_using_another_item_do_not_keep_this_one() {
        KnowledgeItem kept = addText(100);
        KnowledgeItem deleted = addText(200);
        agentUsing(team, kept, T0);

        service.delete(team, deleted.id());

        assertThat(repository.findById(team, deleted.id())).isEmpty();
        assertThat(repository.findById(team, kept.id())).isPresent();
    }

    @Test
    void an_item_in_use_exception_names_its_agents() {
        KnowledgeItemId item = KnowledgeItemId.newId();
        VoiceAgentId agent = VoiceAgentId.newId();
        java.util.List<VoiceAgentId> given = new java.util.ArrayList<>(List.of(agent));

        KnowledgeItemInUseException e = new KnowledgeItemInUseException(item, given);
        given.clear();

        assertThat(e.agents()).containsExactly(agent);
        assertThat(e.getMessage()).contains(item.toString()).contains("1 agent");
    }

    // --- urls

    @Test
    void urls_are_added_to_a_url_item_after_its_own() {
        KnowledgeItem item = addUrls("https://docs.example.com/faq");

        KnowledgeItem more = service.addUrls(team, item.id(), List.of("https://docs.example.com/pricing"));

        List<URI> both = List.of(URI.create("https://docs.example.com/faq"), URI.create("https://docs.example.com/pricing"));
        assertThat(((KnowledgeContent.Urls) more.content()).urls()).isEqualTo(both);
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().urls()).isEqualTo(both);
        assertThat(repository.findById(team, item.id())).contains(more);
        assertThat(more.version()).isEqualTo(item.version() + 1);
    }

    @Test
    void urls_are_refused_for_an_item_of_another_type() {
        KnowledgeItem item = addText(100);

        assertFields(() -> service.addUrls(team, item.id(), List.of("https://docs.example.com/x")), "urls");
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void a_hundred_urls_in_all_are_taken_and_one_more_refused_before_hamsa_is_called() {
        KnowledgeItem item = service.add(AddKnowledgeItemCommand.urls(team, "Many", pages(0, 60)));

        assertFields(() -> service.addUrls(team, item.id(), pages(60, 41)), "urls");
        assertThat(platform.calls()).containsExactly("create");

        KnowledgeItem full = service.addUrls(team, item.id(), pages(60, 40));
        assertThat(((KnowledgeContent.Urls) full.content()).urls()).hasSize(100);
    }

    @Test
    void an_added_hostile_url_is_refused_by_its_place_and_hamsa_is_not_asked() {
        KnowledgeItem item = addUrls("https://docs.example.com/faq");

        assertFields(() -> service.addUrls(team, item.id(),
                List.of("https://docs.example.com/ok", "https://169.254.169.254/latest")), "urls[1]");
        assertThat(platform.calls()).containsExactly("create");
    }

    // --- activity

    @Test
    void an_item_is_deactivated_on_hamsa_and_in_the_record() {
        KnowledgeItem item = addText(100);

        KnowledgeItem off = service.setActive(team, item.id(), false);

        assertThat(off.active()).isFalse();
        assertThat(off.version()).isEqualTo(item.version() + 1);
        assertThat(platform.stored(item.hamsaItemId()).orElseThrow().active()).isFalse();
        assertThat(repository.findById(team, item.id())).contains(off);
        assertThat(service.setActive(team, item.id(), true).active()).isTrue();
    }

    @Test
    void setting_the_activity_it_already_has_makes_no_hamsa_call() {
        KnowledgeItem item = addText(100);

        assertThat(service.setActive(team, item.id(), true)).isEqualTo(item);
        assertThat(platform.calls()).containsExactly("create");
    }

    // --- other teams

    @Test
    void another_teams_item_is_not_found_for_anything_and_hamsa_is_not_asked() {
        KnowledgeItem ours = addText(100);
        KnowledgeItemId id = ours.id();

        assertThatThrownBy(() -> service.get(otherTeam, id)).isInstanceOf(KnowledgeItemNotFoundException.class);
        assertThatThrownBy(() -> service.update(new UpdateKnowledgeItemCommand(otherTeam, id, Optional.of("Mine"),
                Optional.empty()))).isInstanceOf(KnowledgeItemNotFoundException.class);
        assertThatThrownBy(() -> service.delete(otherTeam, id)).isInstanceOf(KnowledgeItemNotFoundException.class);
        assertThatThrownBy(() -> service.addUrls(otherTeam, id, List.of("https://docs.example.com/x")))
                .isInstanceOf(KnowledgeItemNotFoundException.class);
        assertThatThrownBy(() -> service.setActive(otherTeam, id, false))
                .isInstanceOf(KnowledgeItemNotFoundException.class);
        assertThat(service.list(otherTeam, PageRequest.first(10)).items()).isEmpty();
        assertThat(platform.calls()).containsExactly("create");
        assertThat(repository.findById(team, id)).contains(ours);
    }

    @Test
    void reads_come_from_the_record_without_asking_hamsa() {
        KnowledgeItem a = addText(100);
        clock.advance(Duration.ofSeconds(1));
        KnowledgeItem b = addText(200);

        assertThat(service.list(team, PageRequest.first(10)).items()).containsExactly(a, b);
        assertThat(service.get(team, b.id())).isEqualTo(b);
        assertThat(platform.calls()).containsExactly("create", "create");
    }

    // --- budgets

    @Test
    void a_team_budget_is_set_and_put_back_on_the_default() {
        addText(100);

        assertThat(service.setBudget(team, 5_000L)).isEqualTo(new KnowledgeStorage(100, 5_000, 100, ACCOUNT));
        assertThat(service.setBudget(team, null)).isEqualTo(new KnowledgeStorage(100, DEFAULT_BUDGET, 100, ACCOUNT));
        assertThat(service.setBudget(team, 0L).teamBudgetBytes()).isZero();
        assertThat(service.setBudget(team, KnowledgeBaseService.BUDGET_MAX).teamBudgetBytes())
                .isEqualTo(KnowledgeBaseService.BUDGET_MAX);
    }

    @Test
    void a_negative_or_absurd_budget_is_refused() {
        assertFields(() -> service.setBudget(team, -1L), "budgetBytes");
        assertFields(() -> service.setBudget(team, KnowledgeBaseService.BUDGET_MAX + 1), "budgetBytes");
        assertThat(storage().teamBudgetBytes()).isEqualTo(DEFAULT_BUDGET);
    }

    @Test
    void an_unknown_team_has_no_storage_and_no_budget() {
        TeamId unknown = TeamId.newId();

        assertThatThrownBy(() -> service.storage(unknown)).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> service.setBudget(unknown, 10L)).isInstanceOf(TeamNotFoundException.class);
        assertThat(repository.storage(unknown, DEFAULT_BUDGET, ACCOUNT).teamBudgetBytes()).isEqualTo(DEFAULT_BUDGET);
    }
}
