package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.fake.CallFixtures;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.PlatformConversation;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallReconcileServiceTest {

    private final CallHarness h = new CallHarness();
    private final Call call = dispatched();

    private Call dispatched() {
        Call placed = h.place();
        h.dispatcher.dispatchDue(10);
        return h.stored(placed.id());
    }

    private void pastMaxDuration() {
        h.clock.advance(CallHarness.MAX_CALL.plusSeconds(1));
    }

    private static PlatformConversation ended(String id, Call call) {
        return new PlatformConversation(id, "COMPLETED", call.paramsForHamsa(), CallFixtures.endedPayload(call.id()));
    }

    @Test
    void a_call_within_its_maximum_duration_is_not_looked_up() {
        h.clock.advance(CallHarness.MAX_CALL.minusSeconds(1));

        assertThat(h.reconciler.reconcileOverdue(10)).isZero();
        assertThat(h.platform.operations()).containsExactly("placeCall");
    }

    @Test
    void an_overdue_call_that_ended_on_hamsa_gets_the_reconcilers_end_in_the_inbox_once() {
        h.platform.setConversation(ended(call.hamsaCallId(), call));
        pastMaxDuration();

        assertThat(h.reconciler.reconcileOverdue(10)).isEqualTo(1);
        assertThat(h.reconciler.reconcileOverdue(10)).as("not due again before the recheck").isZero();
        h.clock.advance(CallHarness.RECHECK);
        assertThat(h.reconciler.reconcileOverdue(10)).as("not applied yet: looked up again").isEqualTo(1);

        assertThat(h.inbox.entries()).singleElement().satisfies(s -> {
            InboxEntry e = s.entry();
            assertThat(e.dedupKey()).isEqualTo(call.id() + "|call.ended|reconciler");
            assertThat(e.callId()).isEqualTo(call.id());
            assertThat(e.body()).isNull();
            assertThat(e.event().type()).isEqualTo(HamsaEvent.CALL_ENDED);
            assertThat(e.event().source()).isEqualTo(HamsaEvent.SOURCE_RECONCILER);
            assertThat(e.event().hamsaCallId()).isEqualTo(call.hamsaCallId());
            assertThat(e.event().payload()).containsEntry("status", "COMPLETED")
                    .containsEntry("conversationRecording", CallFixtures.RECORDING);
        });

        h.events.applyPending(10);
        Call ended = h.stored(call.id());
        assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(ended.recordingUrl()).isEqualTo(CallFixtures.RECORDING);
        assertThat(ended.outcome()).isEqualTo(CallFixtures.outcomeResult());
        assertThat(ended.timeline().get(ended.timeline().size() - 1).detail())
                .containsEntry("source", HamsaEvent.SOURCE_RECONCILER);
        h.clock.advance(CallHarness.RECHECK);
        assertThat(h.reconciler.reconcileOverdue(10)).as("an ended call is not looked up").isZero();
    }

    @Test
    void hamsas_own_end_status_is_what_the_call_ends_with() {
        h.platform.setConversation(new PlatformConversation(call.hamsaCallId(), "NO_ANSWER", null, Map.of()));
        pastMaxDuration();

        h.reconciler.reconcileOverdue(10);
        h.events.applyPending(10);

        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.NO_ANSWER);
    }

    @Test
    void a_call_still_in_progress_on_hamsa_stores_nothing_and_is_asked_about_again_later() {
        h.platform.setConversation(new PlatformConversation(call.hamsaCallId(), "IN_PROGRESS", null, Map.of()));
        pastMaxDuration();

        assertThat(h.reconciler.reconcileOverdue(10)).isEqualTo(1);
        assertThat(h.inbox.entries()).isEmpty();
        h.clock.advance(CallHarness.RECHECK);
        assertThat(h.reconciler.reconcileOverdue(10)).isEqualTo(1);
        assertThat(h.platform.operations()).containsExactly("placeCall", "conversation", "conversation");
        assertThat(h.inbox.entries()).isEmpty();
    }

    @Test
    void a_call_hamsa_has_no_record_of_ends_failed() {
        pastMaxDuration();

        h.reconciler.reconcileOverdue(10);

        assertThat(h.inbox.entries()).singleElement().satisfies(s -> assertThat(s.entry().event().payload())
                .containsEntry("status", "FAILED").containsEntry("failureReason", "Hamsa has no record of this call"));
        h.events.applyPending(10);
        Call failed = h.stored(call.id());
        assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Hamsa has no record of this call");
    }

    @Test
    void other_platform_failures_store_nothing() {
        pastMaxDuration();
        for (PlatformFailure kind : new PlatformFailure[] {PlatformFailure.UNAVAILABLE, PlatformFailure.TIMEOUT,
                PlatformFailure.RATE_LIMITED, PlatformFailure.AUTH, PlatformFailure.BAD_RESPONSE}) {
            h.platform.failNextConversation(new PlatformException(kind, null, kind.name()));
            assertThat(h.reconciler.reconcileOverdue(10)).as("%s", kind).isEqualTo(1);
            assertThat(h.inbox.entries()).as("%s", kind).isEmpty();
            h.clock.advance(CallHarness.RECHECK);
        }
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.DISPATCHED);
    }

    @Test
    void a_late_webhook_end_after_the_reconcilers_keeps_the_first_status_and_fills_in_what_it_lacked() {
        h.platform.setConversation(new PlatformConversation(call.hamsaCallId(), "FAILED", null,
                Map.of("failureReason", "from the reconciler")));
        pastMaxDuration();
        h.reconciler.reconcileOverdue(10);
        h.inbox.accept(new InboxEntry("webhook-end", call.id(), CallFixtures.event(HamsaEvent.CALL_ENDED,
                h.clock.instant(), CallFixtures.endedPayload(call.id())), "{}"));

        h.events.applyPending(10);

        Call ended = h.stored(call.id());
        assertThat(ended.status()).isEqualTo(CallStatus.FAILED);
        assertThat(ended.failureReason()).isEqualTo("from the reconciler");
        assertThat(ended.recordingUrl()).as("the reconciler had none; the webhook's fills it in")
                .isEqualTo("https://storage.tryhamsa.com/recordings/conv-123.mp3");
        assertThat(ended.outcome()).isNotNull();
        assertThat(ended.timeline()).filteredOn(e -> e.event().equals(HamsaEvent.CALL_ENDED)).hasSize(2);
    }

    @Test
    void at_most_max_calls_are_looked_up_per_pass() {
        h.place();
        h.dispatcher.dispatchDue(10);
        pastMaxDuration();

        assertThat(h.reconciler.reconcileOverdue(1)).isEqualTo(1);
        assertThat(h.reconciler.reconcileOverdue(1)).isEqualTo(1);
        assertThat(h.reconciler.reconcileOverdue(1)).isZero();
        assertThat(h.inbox.entries()).hasSize(2);
    }

    @Test
    void a_web_conversation_nobody_joined_within_its_maximum_duration_ends_no_answer_and_is_not_asked_about_again() {
        Call placed = h.placeWeb();
        h.dispatcher.dispatchDue(10);
        Call web = h.stored(placed.id());
        h.platform.setConversation(new PlatformConversation(web.hamsaCallId(), "PENDING", web.paramsForHamsa(), Map.of()));
        h.platform.setConversation(ended(call.hamsaCallId(), call));
        pastMaxDuration();

        h.reconciler.reconcileOverdue(10);
        h.events.applyPending(10);

        Call abandoned = h.stored(web.id());
        assertThat(abandoned.status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(abandoned.failureReason()).isEqualTo(CallReconcileService.NOT_JOINED);
        h.clock.advance(CallHarness.RECHECK);
        assertThat(h.reconciler.reconcileOverdue(10)).as("both calls ended: nothing left to ask about").isZero();
    }

    @Test
    void a_phone_call_hamsa_still_has_pending_is_asked_about_again_not_ended() {
        h.platform.setConversation(new PlatformConversation(call.hamsaCallId(), "PENDING", null, Map.of()));
        pastMaxDuration();

        h.reconciler.reconcileOverdue(10);

        assertThat(h.inbox.entries()).isEmpty();
    }

    @Test
    void an_adopted_call_hamsa_has_no_record_of_ends_failed_without_searching_hamsas_list_for_switchboards_id() {
        Call adopted = Call.adopted(dev.switchboard.domain.model.CallId.newId(), h.agent, "outside-1",
                dev.switchboard.domain.model.CallChannel.PHONE, h.clock.instant());
        h.calls.adopt(adopted);
        h.platform.setConversation(ended(call.hamsaCallId(), call));
        pastMaxDuration();
        int before = h.platform.operations().size();

        h.reconciler.reconcileOverdue(10);
        h.events.applyPending(10);

        assertThat(h.platform.operations().subList(before, h.platform.operations().size()))
                .containsExactlyInAnyOrder("conversation", "conversation");
        assertThat(h.stored(adopted.id()).status()).isEqualTo(CallStatus.FAILED);
    }
}
