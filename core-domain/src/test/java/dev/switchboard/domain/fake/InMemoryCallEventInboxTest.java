package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.CallEventInbox.Applier;
import dev.switchboard.domain.port.out.CallEventInbox.ApplyReport;
import dev.switchboard.domain.port.out.CallEventInbox.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryCallEventInboxTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final TeamId TEAM = TeamId.newId();
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(15));
    private static final Applier APPLY = (call, event) -> call.apply(event, T0).call();
    private static final Applier FAIL = (call, event) -> {
        throw new IllegalStateException("cannot apply " + event.type());
    };

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCallRepository calls = new InMemoryCallRepository(clock);
    private final InMemoryCallEventInbox inbox = new InMemoryCallEventInbox(calls, clock);
    private final Call call = CallFixtures.queued(TEAM, T0);

    {
        calls.insertQueued(call, "sealed", "digest");
    }

    private InboxEntry entry(String key, String type) {
        return new InboxEntry(key, call.id(), CallFixtures.event(type, T0, Map.of()), "{}");
    }

    @Test
    void a_dedup_key_is_stored_once_even_after_it_was_applied() {
        assertThat(inbox.accept(entry("k1", HamsaEvent.CALL_STARTED))).isTrue();
        assertThat(inbox.accept(entry("k1", HamsaEvent.CALL_ANSWERED))).isFalse();
        inbox.applyPending(10, APPLY, RETRY);
        assertThat(inbox.accept(entry("k1", HamsaEvent.CALL_STARTED))).isFalse();
        assertThat(inbox.entries()).hasSize(1);
    }

    @Test
    void pending_events_are_applied_to_their_call_once() {
        inbox.accept(entry("k1", HamsaEvent.CALL_STARTED));
        inbox.accept(entry("k2", HamsaEvent.CALL_ANSWERED));

        assertThat(inbox.applyPending(10, APPLY, RETRY)).isEqualTo(new ApplyReport(2, 0, 0));
        assertThat(inbox.applyPending(10, APPLY, RETRY)).isEqualTo(new ApplyReport(0, 0, 0));
        assertThat(calls.load(call.id()).orElseThrow().status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(inbox.pending()).isEmpty();
    }

    @Test
    void at_most_max_are_applied_oldest_first() {
        inbox.accept(entry("k1", HamsaEvent.CALL_STARTED));
        inbox.accept(entry("k2", HamsaEvent.CALL_ANSWERED));

        assertThat(inbox.applyPending(1, APPLY, RETRY).applied()).isEqualTo(1);
        assertThat(inbox.pending()).extracting(InboxEntry::dedupKey).containsExactly("k2");
    }

    @Test
    void a_failing_event_backs_off_then_is_dead_lettered_after_max_attempts_and_can_be_replayed() {
        inbox.accept(entry("k1", HamsaEvent.CALL_STARTED));

        assertThat(inbox.applyPending(10, FAIL, RETRY)).isEqualTo(new ApplyReport(0, 1, 0));
        assertThat(inbox.entries().get(0).dueAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(inbox.applyPending(10, FAIL, RETRY).handled()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(inbox.applyPending(10, FAIL, RETRY)).isEqualTo(new ApplyReport(0, 1, 0));
        assertThat(inbox.entries().get(0).dueAt()).as("doubled, capped").isEqualTo(clock.instant().plusSeconds(15));
        clock.advance(Duration.ofSeconds(15));
        assertThat(inbox.applyPending(10, FAIL, RETRY)).isEqualTo(new ApplyReport(0, 0, 1));

        Page<DeadLetter> dead = inbox.deadLetters(PageRequest.first(10));
        assertThat(dead.items()).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.dedupKey()).isEqualTo("k1");
            assertThat(d.eventType()).isEqualTo(HamsaEvent.CALL_STARTED);
            assertThat(d.lastError()).contains("cannot apply call.started");
            assertThat(d.callId()).isEqualTo(call.id());
            assertThat(d.receivedAt()).isEqualTo(T0);
            assertThat(d.deadAt()).isEqualTo(clock.instant());
        });
        assertThat(inbox.applyPending(10, APPLY, RETRY).handled()).as("dead letters wait").isZero();

        assertThat(inbox.replay(dead.items().get(0).id())).isTrue();
        assertThat(inbox.replay(dead.items().get(0).id())).isFalse();
        assertThat(inbox.deadLetters(PageRequest.first(10)).items()).isEmpty();
        assertThat(inbox.applyPending(10, APPLY, RETRY)).isEqualTo(new ApplyReport(1, 0, 0));
        assertThat(calls.load(call.id()).orElseThrow().status()).isEqualTo(CallStatus.STARTED);
    }

    @Test
    void replay_all_puts_every_dead_letter_back_with_its_attempts_reset() {
        RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        inbox.accept(entry("k1", HamsaEvent.CALL_STARTED));
        inbox.accept(entry("k2", HamsaEvent.CALL_ANSWERED));
        assertThat(inbox.applyPending(10, FAIL, once)).isEqualTo(new ApplyReport(0, 0, 2));

        Page<DeadLetter> first = inbox.deadLetters(PageRequest.first(1));
        assertThat(first.nextCursor()).isPresent();
        assertThat(inbox.deadLetters(new PageRequest(1, first.nextCursor())).items()).extracting(DeadLetter::dedupKey)
                .containsExactly("k2");

        assertThat(inbox.replayAll()).isEqualTo(2);
        assertThat(inbox.replayAll()).isZero();
        assertThat(inbox.entries()).allSatisfy(e -> assertThat(e.attempts()).isZero());
        assertThat(inbox.replay(12345)).isFalse();
        assertThat(inbox.deadLetters(new PageRequest(10, Optional.empty())).items()).isEmpty();
    }
}
