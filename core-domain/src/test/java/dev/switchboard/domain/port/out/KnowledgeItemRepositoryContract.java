package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeItemNotFoundException;
import dev.switchboard.domain.model.KnowledgeQuotaExceededException;
import dev.switchboard.domain.model.KnowledgeQuotaExceededException.Limit;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.model.TeamId;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeItemRepository} must do. Extended by the in-memory fake and by the Postgres
 * adapter's test, so the fake the domain tests rely on behaves like the real thing. Budgets here are a few
 * hundred bytes, so a TEXT item of {@code n} ASCII characters takes {@code n} of them.
 */
public abstract class KnowledgeItemRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");
    protected static final long BUDGET = 300;
    protected static final long ACCOUNT = 1_000;

    protected TeamId team;
    protected TeamId otherTeam;

    protected abstract KnowledgeItemRepository repository();

    /** Leaves the repository empty: no items, no team budgets. */
    protected abstract void clear();

    /** Makes a team items can belong to (a real adapter may need the team to exist). */
    protected abstract TeamId team(TeamId id);

    @BeforeEach
    void startEmpty() {
        clear();
        team = team(TeamId.newId());
        otherTeam = team(TeamId.newId());
    }

    protected static String text(int length) {
        return "k".repeat(length);
    }

    protected static KnowledgeItem item(TeamId owner, int bytes, Instant at) {
        return KnowledgeItem.reserved(KnowledgeItemId.newId(), owner, "Item " + bytes,
                new KnowledgeContent.Text(text(bytes)), at);
    }

    protected KnowledgeItem reserved(int bytes, Instant at) {
        KnowledgeItem item = item(team, bytes, at);
        repository().reserve(item, BUDGET, ACCOUNT);
        return item;
    }

    /** The item's next version as Hamsa reported it, stored. */
    protected KnowledgeItem onPlatform(KnowledgeItem item, KnowledgeStatus status, Instant at) {
        KnowledgeItem next = item.withPlatform(new PlatformKnowledgeItem(
                item.hamsaId().orElse("h-" + UUID.randomUUID()), status,
                Optional.ofNullable(status == KnowledgeStatus.FAILED ? "unreadable" : null), Optional.empty(),
                Optional.of(true)), at);
        repository().update(next);
        return next;
    }

    private KnowledgeStorage storage() {
        return repository().storage(team, BUDGET, ACCOUNT);
    }

    @Test
    void a_reserved_item_is_found_by_id_exactly_as_stored_and_counts_its_bytes() {
        KnowledgeItem item = reserved(120, T0);

        assertThat(repository().findById(team, item.id())).contains(item);
        assertThat(storage()).isEqualTo(new KnowledgeStorage(120, BUDGET, 120, ACCOUNT));
    }

    @Test
    void every_kind_of_content_is_read_back_as_it_was_stored() {
        KnowledgeItem urls = KnowledgeItem.reserved(KnowledgeItemId.newId(), team, "Docs",
                new KnowledgeContent.Urls(List.of(URI.create("https://docs.example.com/a"),
                        URI.create("https://docs.example.com/b?x=1"))), T0);
        KnowledgeItem file = KnowledgeItem.reserved(KnowledgeItemId.newId(), team, "Manual",
                new KnowledgeContent.File("manual.pdf", dev.switchboard.domain.model.KnowledgeFileKind.PDF, 77), T0);
        repository().reserve(urls, BUDGET, ACCOUNT);
        repository().reserve(file, BUDGET, ACCOUNT);

        assertThat(repository().findById(team, urls.id())).contains(urls);
        assertThat(repository().findById(team, file.id())).contains(file);
        assertThat(storage().teamUsedBytes()).isEqualTo(77);
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertThat(repository().findById(team, KnowledgeItemId.newId())).isEmpty();
    }

    @Test
    void another_teams_item_is_found_neither_by_id_nor_in_lists_nor_counted_for_the_team() {
        KnowledgeItem theirs = item(otherTeam, 100, T0);
        repository().reserve(theirs, BUDGET, ACCOUNT);

        assertThat(repository().findById(team, theirs.id())).isEmpty();
        assertThat(repository().list(team, PageRequest.first(10)).items()).isEmpty();
        assertThat(repository().findById(otherTeam, theirs.id())).contains(theirs);
        assertThat(storage()).isEqualTo(new KnowledgeStorage(0, BUDGET, 100, ACCOUNT));
    }

    @Test
    void a_reservation_past_the_team_budget_is_refused_naming_the_team_limit_and_nothing_is_stored() {
        reserved(200, T0);
        KnowledgeItem tooMuch = item(team, 101, T0);

        assertThatThrownBy(() -> repository().reserve(tooMuch, BUDGET, ACCOUNT))
                .isInstanceOfSatisfying(KnowledgeQuotaExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.TEAM);
                    assertThat(e.usedBytes()).isEqualTo(200);
                    assertThat(e.limitBytes()).isEqualTo(BUDGET);
                    assertThat(e.requestedBytes()).isEqualTo(101);
                });
        assertThat(repository().findById(team, tooMuch.id())).isEmpty();
        assertThat(storage().teamUsedBytes()).isEqualTo(200);
    }

    @Test
    void a_reservation_that_fills_the_budget_exactly_fits() {
        reserved(200, T0);
        KnowledgeItem last = reserved(100, T0);

        assertThat(repository().findById(team, last.id())).isPresent();
        assertThat(storage().teamUsedBytes()).isEqualTo(BUDGET);
    }

    @Test
    void a_reservation_past_the_account_limit_is_refused_naming_the_account_limit_and_nothing_is_stored() {
        TeamId big = team(TeamId.newId());
        repository().setTeamBudget(big, 10_000L);
        for (int i = 0; i < 2; i++) {
            repository().reserve(KnowledgeItem.reserved(KnowledgeItemId.newId(), big, "Big " + i,
                    new KnowledgeContent.Text(text(4_500)), T0), BUDGET, 10_000);
        }
        KnowledgeItem ours = item(team, 100, T0);

        assertThatThrownBy(() -> repository().reserve(ours, BUDGET, 9_050))
                .isInstanceOfSatisfying(KnowledgeQuotaExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.ACCOUNT);
                    assertThat(e.usedBytes()).isEqualTo(9_000);
                    assertThat(e.limitBytes()).isEqualTo(9_050);
                });
        assertThat(repository().findById(team, ours.id())).isEmpty();
        assertThat(repository().storage(team, BUDGET, 9_050)).isEqualTo(new KnowledgeStorage(0, BUDGET, 9_000, 9_050));
    }

    @Test
    void an_explicit_team_budget_overrides_the_default_until_it_is_put_back() {
        repository().setTeamBudget(team, 500L);

        KnowledgeItem big = reserved(450, T0);

        assertThat(repository().findById(team, big.id())).isPresent();
        assertThat(storage().teamBudgetBytes()).isEqualTo(500);
        assertThat(repository().storage(otherTeam, BUDGET, ACCOUNT).teamBudgetBytes()).isEqualTo(BUDGET);

        repository().setTeamBudget(team, null);

        assertThat(storage().teamBudgetBytes()).isEqualTo(BUDGET);
        assertThatThrownBy(() -> reserved(50, T0))
                .isInstanceOfSatisfying(KnowledgeQuotaExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(Limit.TEAM));
    }

    @Test
    void a_team_budget_below_the_default_refuses_what_the_default_would_take() {
        repository().setTeamBudget(team, 60L);

        assertThatThrownBy(() -> reserved(61, T0))
                .isInstanceOfSatisfying(KnowledgeQuotaExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.TEAM);
                    assertThat(e.limitBytes()).isEqualTo(60);
                });
        assertThat(storage()).isEqualTo(new KnowledgeStorage(0, 60, 0, ACCOUNT));
    }

    @Test
    void the_next_version_replaces_the_stored_one() {
        KnowledgeItem item = reserved(100, T0);

        KnowledgeItem next = onPlatform(item, KnowledgeStatus.PROCESSING, T0.plusSeconds(1));

        assertThat(next.version()).isEqualTo(2);
        assertThat(repository().findById(team, item.id())).contains(next);
    }

    @Test
    void an_update_records_what_hamsa_reported_even_past_the_budget() {
        KnowledgeItem item = reserved(250, T0);
        KnowledgeItem grown = item.withPlatform(new PlatformKnowledgeItem("h-1", KnowledgeStatus.COMPLETED,
                Optional.empty(), Optional.of(400L), Optional.empty()), T0.plusSeconds(1));

        repository().update(grown);

        assertThat(repository().findById(team, item.id())).contains(grown);
        assertThat(storage().teamUsedBytes()).isEqualTo(400);
    }

    @Test
    void a_write_based_on_a_stale_version_is_refused_and_changes_nothing() {
        KnowledgeItem item = reserved(100, T0);
        KnowledgeItem winner = onPlatform(item, KnowledgeStatus.PROCESSING, T0.plusSeconds(1));
        KnowledgeItem loser = item.failed("late", T0.plusSeconds(2));

        assertThatThrownBy(() -> repository().update(loser)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> repository().updateWithin(loser, BUDGET, ACCOUNT))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repository().findById(team, item.id())).contains(winner);
    }

    @Test
    void updating_an_item_that_was_never_stored_is_not_found() {
        KnowledgeItem ghost = item(team, 100, T0).failed("ghost", T0);

        assertThatThrownBy(() -> repository().update(ghost)).isInstanceOf(KnowledgeItemNotFoundException.class);
        assertThatThrownBy(() -> repository().updateWithin(ghost, BUDGET, ACCOUNT))
                .isInstanceOf(KnowledgeItemNotFoundException.class);
    }

    @Test
    void update_within_takes_growth_that_fits() {
        KnowledgeItem item = reserved(100, T0);
        KnowledgeItem grown = item.withContent("Grown", new KnowledgeContent.Text(text(300)), T0.plusSeconds(1));

        repository().updateWithin(grown, BUDGET, ACCOUNT);

        assertThat(repository().findById(team, item.id())).contains(grown);
        assertThat(storage().teamUsedBytes()).isEqualTo(300);
    }

    @Test
    void update_within_refuses_growth_past_the_budget_and_keeps_the_stored_version() {
        KnowledgeItem item = reserved(100, T0);
        reserved(150, T0);
        KnowledgeItem grown = item.withContent("Grown", new KnowledgeContent.Text(text(151)), T0.plusSeconds(1));

        assertThatThrownBy(() -> repository().updateWithin(grown, BUDGET, ACCOUNT))
                .isInstanceOfSatisfying(KnowledgeQuotaExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.TEAM);
                    assertThat(e.usedBytes()).isEqualTo(250);
                    assertThat(e.requestedBytes()).isEqualTo(51);
                });
        assertThat(repository().findById(team, item.id())).contains(item);
        assertThat(storage().teamUsedBytes()).isEqualTo(250);
    }

    @Test
    void update_within_refuses_growth_past_the_account_limit() {
        KnowledgeItem item = reserved(100, T0);
        KnowledgeItem grown = item.withContent("Grown", new KnowledgeContent.Text(text(200)), T0.plusSeconds(1));

        assertThatThrownBy(() -> repository().updateWithin(grown, BUDGET, 150))
                .isInstanceOfSatisfying(KnowledgeQuotaExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(Limit.ACCOUNT));
        assertThat(repository().findById(team, item.id())).contains(item);
    }

    @Test
    void update_within_takes_a_shrink_even_when_the_team_is_over_its_budget() {
        KnowledgeItem item = reserved(250, T0);
        repository().setTeamBudget(team, 100L);
        KnowledgeItem shrunk = item.withContent("Shrunk", new KnowledgeContent.Text(text(200)), T0.plusSeconds(1));

        repository().updateWithin(shrunk, BUDGET, ACCOUNT);

        assertThat(repository().findById(team, item.id())).contains(shrunk);
        assertThat(storage().teamUsedBytes()).isEqualTo(200);
    }

    @Test
    void a_deleted_item_is_gone_and_its_bytes_stop_counting() {
        KnowledgeItem item = reserved(200, T0);
        KnowledgeItem kept = reserved(60, T0);

        repository().delete(team, item.id());

        assertThat(repository().findById(team, item.id())).isEmpty();
        assertThat(repository().findById(team, kept.id())).isPresent();
        assertThat(storage()).isEqualTo(new KnowledgeStorage(60, BUDGET, 60, ACCOUNT));
        reserved(240, T0);
    }

    @Test
    void deleting_for_another_team_leaves_the_item_alone() {
        KnowledgeItem item = reserved(200, T0);

        repository().delete(otherTeam, item.id());
        repository().delete(team, KnowledgeItemId.newId());

        assertThat(repository().findById(team, item.id())).contains(item);
    }

    @Test
    void settling_holds_items_hamsa_is_still_processing_least_recently_updated_first() {
        KnowledgeItem uploading = reserved(50, T0);
        KnowledgeItem pendingLate = onPlatform(reserved(51, T0), KnowledgeStatus.PENDING, T0.plusSeconds(30));
        KnowledgeItem processingEarly = onPlatform(reserved(52, T0), KnowledgeStatus.PROCESSING, T0.plusSeconds(10));
        KnowledgeItem completed = onPlatform(reserved(53, T0), KnowledgeStatus.COMPLETED, T0.plusSeconds(5));
        KnowledgeItem failed = onPlatform(reserved(54, T0), KnowledgeStatus.FAILED, T0.plusSeconds(5));
        KnowledgeItem theirs = item(otherTeam, 55, T0);
        repository().reserve(theirs, BUDGET, ACCOUNT);
        KnowledgeItem theirsPending = onPlatform(theirs, KnowledgeStatus.PENDING, T0.plusSeconds(20));

        assertThat(repository().settling(10)).containsExactly(processingEarly, theirsPending, pendingLate);
        assertThat(repository().settling(2)).containsExactly(processingEarly, theirsPending);
        assertThat(repository().settling(10)).doesNotContain(uploading, completed, failed);
    }

    @Test
    void each_call_for_settling_items_hands_out_those_asked_about_least_recently_without_changing_them() {
        KnowledgeItem first = onPlatform(reserved(50, T0), KnowledgeStatus.PROCESSING, T0.plusSeconds(1));
        KnowledgeItem second = onPlatform(reserved(51, T0), KnowledgeStatus.PROCESSING, T0.plusSeconds(2));
        KnowledgeItem third = onPlatform(reserved(52, T0), KnowledgeStatus.PENDING, T0.plusSeconds(3));

        assertThat(repository().settling(2)).containsExactly(first, second);
        // Hamsa keeps processing the first two: the third is not held back behind them.
        assertThat(repository().settling(2)).contains(third).doesNotContain(second);
        assertThat(repository().findById(team, first.id())).contains(first);
    }

    @Test
    void pages_walk_every_item_once_oldest_first() {
        List<KnowledgeItem> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two items per instant, so ties must be broken by id
            stored.add(reserved(50, T0.plus(i / 2, ChronoUnit.MICROS)));
        }

        List<KnowledgeItem> seen = new ArrayList<>();
        Page<KnowledgeItem> page = repository().list(team, PageRequest.first(2));
        seen.addAll(page.items());
        int pages = 1;
        while (page.nextCursor().isPresent()) {
            page = repository().list(team, new PageRequest(2, page.nextCursor()));
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
    void the_last_full_page_has_no_next_cursor_and_an_empty_list_is_one_empty_page() {
        assertThat(repository().list(team, PageRequest.first(2))).isEqualTo(new Page<>(List.of(), Optional.empty()));

        reserved(50, T0);
        reserved(50, T0.plusSeconds(1));
        Page<KnowledgeItem> page = repository().list(team, PageRequest.first(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void a_cursor_this_repository_did_not_issue_is_invalid_input() {
        assertThatThrownBy(() -> repository().list(team, new PageRequest(5, Optional.of("not-a-cursor"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
    }
}
