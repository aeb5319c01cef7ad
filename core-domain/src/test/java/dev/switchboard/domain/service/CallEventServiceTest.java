package dev.switchboard.domain.service;

import static dev.switchboard.domain.fake.CallFixtures.HAMSA_CALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.fake.CallFixtures;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.port.out.CallEventInbox;
import dev.switchboard.domain.port.out.CallEventInbox.ApplyReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallEventServiceTest {

    private final CallHarness h = new CallHarness();
    private final Call call = h.placeAndDispatchAs(HAMSA_CALL);

    private void accept(String key, String type, Instant at, Map<String, Object> payload) {
        h.inbox.accept(new InboxEntry(key, call.id(), CallFixtures.event(type, at, payload), null));
    }

    @Test
    void stored_events_are_applied_to_their_call_at_the_clocks_time() {
        accept("k1", HamsaEvent.CALL_STARTED, CallHarness.T0.plusSeconds(10), Map.of());
        accept("k2", HamsaEvent.TRANSCRIPTION_UPDATE, CallHarness.T0.plusSeconds(12), CallFixtures.update("Agent", "Hi", 0));
        accept("k3", HamsaEvent.CALL_ENDED, CallHarness.T0.plusSeconds(60), CallFixtures.endedPayload(call.id()));
        h.clock.advance(Duration.ofMinutes(2));

        ApplyReport report = h.events.applyPending(10);

        assertThat(report).isEqualTo(new ApplyReport(3, 0, 0));
        Call ended = h.stored(call.id());
        assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(ended.transcript()).hasSize(4);
        assertThat(ended.updatedAt()).isEqualTo(h.clock.instant());
        assertThat(ended.version()).isEqualTo(call.version() + 3);
        assertThat(h.events.applyPending(10).handled()).isZero();
    }

    @Test
    void at_most_max_events_are_applied_per_pass() {
        accept("k1", HamsaEvent.CALL_STARTED, CallHarness.T0, Map.of());
        accept("k2", HamsaEvent.CALL_ANSWERED, CallHarness.T0, Map.of());

        assertThat(h.events.applyPending(1).applied()).isEqualTo(1);
        assertThat(h.events.applyPending(1).applied()).isEqualTo(1);
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.ANSWERED);
    }

    @Test
    void an_event_that_keeps_failing_is_retried_then_dead_lettered_and_a_replay_applies_it() {
        PoisonInbox poisoned = new PoisonInbox(h.inbox, HamsaEvent.CALL_ANSWERED);
        CallEventService service = new CallEventService(poisoned, h.clock, CallHarness.APPLY_RETRY);
        accept("started", HamsaEvent.CALL_STARTED, CallHarness.T0, Map.of());
        accept("answered", HamsaEvent.CALL_ANSWERED, CallHarness.T0, Map.of());

        assertThat(service.applyPending(10)).isEqualTo(new ApplyReport(1, 1, 0));
        assertThat(h.stored(call.id()).status()).as("the other event is applied").isEqualTo(CallStatus.STARTED);
        h.clock.advance(Duration.ofSeconds(5));
        assertThat(service.applyPending(10)).isEqualTo(new ApplyReport(0, 1, 0));
        assertThat(service.applyPending(10).handled()).as("backing off").isZero();
        h.clock.advance(Duration.ofSeconds(10));
        assertThat(service.applyPending(10)).isEqualTo(new ApplyReport(0, 0, 1));
        h.clock.advance(Duration.ofHours(1));
        assertThat(service.applyPending(10).handled()).isZero();

        Page<DeadLetter> dead = service.list(PageRequest.first(10));
        assertThat(dead.items()).singleElement().satisfies(d -> {
            assertThat(d.dedupKey()).isEqualTo("answered");
            assertThat(d.eventType()).isEqualTo(HamsaEvent.CALL_ANSWERED);
            assertThat(d.attempts()).isEqualTo(CallHarness.APPLY_RETRY.maxAttempts());
            assertThat(d.lastError()).contains("poisoned");
        });

        assertThat(service.replay(dead.items().get(0).id())).isTrue();
        assertThat(service.replay(dead.items().get(0).id())).as("no longer dead").isFalse();
        assertThat(service.applyPending(10)).as("still poisoned: it fails again").isEqualTo(new ApplyReport(0, 1, 0));
        poisoned.cure();
        h.clock.advance(Duration.ofSeconds(5));
        assertThat(service.applyPending(10)).isEqualTo(new ApplyReport(1, 0, 0));
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(service.list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void replay_all_puts_every_dead_letter_back() {
        PoisonInbox poisoned = new PoisonInbox(h.inbox, HamsaEvent.TOOL_EXECUTED);
        CallEventService service = new CallEventService(poisoned,
                h.clock, new CallEventInbox.RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        accept("t1", HamsaEvent.TOOL_EXECUTED, CallHarness.T0, Map.of("toolName", "a"));
        accept("t2", HamsaEvent.TOOL_EXECUTED, CallHarness.T0.plusSeconds(1), Map.of("toolName", "b"));
        assertThat(service.applyPending(10)).isEqualTo(new ApplyReport(0, 0, 2));
        poisoned.cure();

        assertThat(service.replayAll()).isEqualTo(2);
        assertThat(service.applyPending(10)).isEqualTo(new ApplyReport(2, 0, 0));
        assertThat(h.stored(call.id()).timeline()).extracting(e -> e.event())
                .containsSubsequence("tool.executed", "tool.executed");
        assertThat(service.replayAll()).isZero();
    }

    /** The inbox, but applying one type of event throws until cured. */
    private static final class PoisonInbox implements CallEventInbox {
        private final CallEventInbox delegate;
        private final String poisonType;
        private volatile boolean cured;

        PoisonInbox(CallEventInbox delegate, String poisonType) {
            this.delegate = delegate;
            this.poisonType = poisonType;
        }

        void cure() {
            cured = true;
        }

        @Override
        public boolean accept(InboxEntry entry) {
            return delegate.accept(entry);
        }

        @Override
        public ApplyReport applyPending(int max, Applier applier, RetryPolicy policy) {
            return delegate.applyPending(max, (current, event) -> {
                if (!cured && event.type().equals(poisonType)) {
                    throw new IllegalStateException("poisoned " + event.type());
                }
                return applier.apply(current, event);
            }, policy);
        }

        @Override
        public Page<DeadLetter> deadLetters(PageRequest request) {
            return delegate.deadLetters(request);
        }

        @Override
        public boolean replay(long deadLetterId) {
            return delegate.replay(deadLetterId);
        }

        @Override
        public int replayAll() {
            return delegate.replayAll();
        }
    }
}
