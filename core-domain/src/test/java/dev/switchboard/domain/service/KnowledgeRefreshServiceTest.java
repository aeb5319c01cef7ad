package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.fake.FakeKnowledgeBasePlatform;
import dev.switchboard.domain.fake.InMemoryKnowledgeItemRepository;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.model.TeamId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnowledgeRefreshServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final long BUDGET = 100_000;

    private final TeamId team = TeamId.newId();
    private final FakeKnowledgeBasePlatform platform = new FakeKnowledgeBasePlatform();
    private final InMemoryKnowledgeItemRepository repository = new InMemoryKnowledgeItemRepository();
    private final MutableClock clock = new MutableClock(T0);
    private final KnowledgeRefreshService service = new KnowledgeRefreshService(platform, repository, clock);

    /** An item Hamsa took in and is processing, recorded as the knowledge-base service records it. */
    private KnowledgeItem onHamsa(String name) {
        KnowledgeContent.Text text = new KnowledgeContent.Text(("Text of " + name + ". ").repeat(10));
        KnowledgeItem reserved = KnowledgeItem.reserved(KnowledgeItemId.newId(), team, name, text, clock.instant());
        repository.reserve(reserved, BUDGET, BUDGET);
        PlatformKnowledgeItem created = platform.createItem(name, text, null);
        KnowledgeItem stored = reserved.withPlatform(created, clock.instant());
        repository.update(stored);
        clock.advance(Duration.ofSeconds(1));
        return stored;
    }

    private KnowledgeItem stored(KnowledgeItem item) {
        return repository.findById(team, item.id()).orElseThrow();
    }

    @Test
    void a_completion_hamsa_reports_is_stored_with_its_size() {
        KnowledgeItem item = onHamsa("Policies");
        platform.finishProcessing(item.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 8_192);

        int changed = service.refreshSettling(10);

        assertThat(changed).isEqualTo(1);
        KnowledgeItem now = stored(item);
        assertThat(now.status()).isEqualTo(KnowledgeStatus.COMPLETED);
        assertThat(now.sizeBytes()).isEqualTo(8_192);
        assertThat(now.version()).isEqualTo(item.version() + 1);
        assertThat(now.updatedAt()).isEqualTo(clock.instant());
        assertThat(repository.settling(10)).isEmpty();
    }

    @Test
    void a_failure_hamsa_reports_is_stored_with_its_reason() {
        KnowledgeItem item = onHamsa("Scan");
        platform.finishProcessing(item.hamsaItemId(), KnowledgeStatus.FAILED, "no text layer in the PDF", 0);

        assertThat(service.refreshSettling(10)).isEqualTo(1);

        KnowledgeItem now = stored(item);
        assertThat(now.status()).isEqualTo(KnowledgeStatus.FAILED);
        assertThat(now.failureReason()).isEqualTo("no text layer in the PDF");
        assertThat(now.sizeBytes()).as("never below what the content takes").isEqualTo(item.sizeBytes());
    }

    @Test
    void an_item_hamsa_no_longer_has_is_marked_failed_saying_so() {
        KnowledgeItem item = onHamsa("Lost");
        platform.lose(item.hamsaItemId());

        assertThat(service.refreshSettling(10)).isEqualTo(1);

        KnowledgeItem now = stored(item);
        assertThat(now.status()).isEqualTo(KnowledgeStatus.FAILED);
        assertThat(now.failureReason()).isEqualTo(KnowledgeRefreshService.GONE);
        assertThat(now.sizeBytes()).isEqualTo(item.sizeBytes());
    }

    @Test
    void an_item_hamsa_says_nothing_new_about_is_not_rewritten() {
        KnowledgeItem item = onHamsa("Unchanged");

        assertThat(service.refreshSettling(10)).isZero();

        assertThat(stored(item)).isEqualTo(item);
        assertThat(platform.calls()).containsExactly("create", "get");
    }

    @Test
    void a_hamsa_outage_stops_the_pass_without_throwing_and_the_next_pass_asks_again() {
        KnowledgeItem first = onHamsa("First");
        KnowledgeItem second = onHamsa("Second");
        platform.finishProcessing(first.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        platform.finishProcessing(second.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        platform.failNext(new PlatformException(PlatformFailure.UNAVAILABLE, null, "down"));

        assertThat(service.refreshSettling(10)).isZero();

        assertThat(platform.calls()).containsExactly("create", "create", "get");
        assertThat(stored(first)).isEqualTo(first);
        assertThat(stored(second)).isEqualTo(second);

        assertThat(service.refreshSettling(10)).isEqualTo(2);
    }

    @Test
    void an_outage_midway_keeps_what_was_already_stored() {
        KnowledgeItem first = onHamsa("First");
        KnowledgeItem second = onHamsa("Second");
        platform.finishProcessing(first.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        platform.finishProcessing(second.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        // The first question is answered; the second meets an outage starting mid-pass.
        platform.beforeNext(() -> platform.beforeNext(
                () -> platform.failNext(new PlatformException(PlatformFailure.UNAVAILABLE, null, "down"))));

        assertThat(service.refreshSettling(10)).isEqualTo(1);

        assertThat(stored(first).status()).isEqualTo(KnowledgeStatus.COMPLETED);
        assertThat(stored(second)).isEqualTo(second);
    }

    @Test
    void a_change_the_team_made_meanwhile_wins_over_hamsas_report() {
        KnowledgeItem item = onHamsa("Racing");
        platform.finishProcessing(item.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        KnowledgeItem teamsChange = item.withContent("Renamed by the team", item.content(), T0.plusSeconds(30));
        platform.beforeNext(() -> repository.update(teamsChange));

        assertThat(service.refreshSettling(10)).isZero();

        assertThat(stored(item)).isEqualTo(teamsChange);
    }

    @Test
    void an_item_the_team_deleted_meanwhile_stays_deleted() {
        KnowledgeItem item = onHamsa("Deleted");
        platform.finishProcessing(item.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        platform.beforeNext(() -> repository.delete(team, item.id()));

        assertThat(service.refreshSettling(10)).isZero();

        assertThat(repository.findById(team, item.id())).isEmpty();
    }

    @Test
    void at_most_the_given_number_are_asked_about_least_recently_heard_of_first() {
        KnowledgeItem oldest = onHamsa("Oldest");
        KnowledgeItem middle = onHamsa("Middle");
        KnowledgeItem newest = onHamsa("Newest");
        for (KnowledgeItem i : new KnowledgeItem[] {oldest, middle, newest}) {
            platform.finishProcessing(i.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        }

        assertThat(service.refreshSettling(2)).isEqualTo(2);

        assertThat(stored(oldest).status()).isEqualTo(KnowledgeStatus.COMPLETED);
        assertThat(stored(middle).status()).isEqualTo(KnowledgeStatus.COMPLETED);
        assertThat(stored(newest)).isEqualTo(newest);
    }

    @Test
    void items_not_yet_on_hamsa_or_done_are_not_asked_about() {
        KnowledgeItem uploading = KnowledgeItem.reserved(KnowledgeItemId.newId(), team, "Uploading",
                new KnowledgeContent.Text("u".repeat(60)), T0);
        repository.reserve(uploading, BUDGET, BUDGET);
        KnowledgeItem done = onHamsa("Done");
        platform.finishProcessing(done.hamsaItemId(), KnowledgeStatus.COMPLETED, null, 0);
        service.refreshSettling(10);
        int callsBefore = platform.callCount();

        assertThat(service.refreshSettling(10)).isZero();
        assertThat(platform.callCount()).isEqualTo(callsBefore);
    }
}
