package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.CallFixtures;
import dev.switchboard.domain.fake.FakeCallPlatform.Placement;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallPolicy;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.DispatchJob;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.port.out.CallDispatchQueue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallDispatchServiceTest {

    private final CallHarness h = new CallHarness();

    private static PlatformException failure(PlatformFailure kind) {
        return new PlatformException(kind, "10" + kind.ordinal(), kind + " from Hamsa");
    }

    @Test
    void a_due_call_is_placed_once_with_its_webhook_url_secret_and_correlation_key() {
        Call call = h.place();
        h.clock.advance(Duration.ofSeconds(1));

        assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(1);
        assertThat(h.dispatcher.dispatchDue(10)).isZero();

        assertThat(h.platform.placed()).singleElement().satisfies(p -> {
            assertThat(p.request().agent()).isEqualTo(h.agent.hamsaAgentId());
            assertThat(p.request().toNumber()).isEqualTo("+15551234567");
            assertThat(p.request().fromNumber()).isEqualTo("+15557654321");
            assertThat(p.request().webhookUrl())
                    .isEqualTo(URI.create("https://switchboard.example/base/webhooks/hamsa/calls/" + call.id()));
            assertThat(p.request().webhookSecret().digest()).isEqualTo(h.calls.secretDigest(call.id()));
            assertThat(p.request().params()).isEqualTo(call.paramsForHamsa())
                    .containsEntry(Call.CORRELATION_PARAM, call.id().toString());
        });
        assertThat(h.platform.operations()).as("a first attempt does not search").containsExactly("placeCall");
        Call dispatched = h.stored(call.id());
        assertThat(dispatched.status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(dispatched.hamsaCallId()).isEqualTo("job-1");
        assertThat(dispatched.dispatchedAt()).isEqualTo(h.clock.instant());
        assertThat(h.calls.job(call.id())).isEmpty();
        assertThat(h.calls.webhookTarget(call.id()).orElseThrow().hamsaCallId()).isEqualTo("job-1");
    }

    @Test
    void a_webhook_base_url_with_a_trailing_slash_makes_the_same_url() {
        CallPolicy slashed = new CallPolicy(URI.create("https://switchboard.example/base/"), CallHarness.LEASE,
                CallHarness.RETRY_DELAY, 1, CallHarness.MAX_CALL, CallHarness.RECHECK, null);
        CallId id = CallId.newId();

        assertThat(slashed.webhookUrl(id)).isEqualTo(CallHarness.POLICY.webhookUrl(id))
                .isEqualTo(URI.create("https://switchboard.example/base/webhooks/hamsa/calls/" + id));
    }

    @Test
    void calls_refused_as_invalid_or_unknown_fail_at_once_with_a_reason() {
        for (PlatformFailure refusal : List.of(PlatformFailure.VALIDATION, PlatformFailure.NOT_FOUND)) {
            Call call = h.place();
            h.platform.failNextPlacements(1, failure(refusal));

            h.dispatcher.dispatchDue(10);

            Call failed = h.stored(call.id());
            assertThat(failed.status()).as("%s", refusal).isEqualTo(CallStatus.FAILED);
            assertThat(failed.failureReason()).startsWith("Hamsa refused the call").contains(refusal + " from Hamsa");
            assertThat(failed.endedAt()).isEqualTo(h.clock.instant());
            assertThat(h.calls.job(call.id())).isEmpty();
        }
        assertThat(h.platform.placed()).isEmpty();
    }

    @Test
    void an_unavailable_hamsa_is_retried_with_backoff_then_the_call_fails_after_max_attempts() {
        Call call = h.place();
        h.platform.failNextPlacements(10, failure(PlatformFailure.UNAVAILABLE));

        h.dispatcher.dispatchDue(10);
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.QUEUED);
        assertThat(h.calls.job(call.id())).hasValueSatisfying(j -> {
            assertThat(j.dueAt()).isEqualTo(CallHarness.T0.plus(CallHarness.RETRY_DELAY));
            assertThat(j.lastError()).startsWith("UNAVAILABLE");
            assertThat(j.leaseOwner()).isNull();
        });

        h.clock.advance(CallHarness.RETRY_DELAY.minusSeconds(1));
        assertThat(h.dispatcher.dispatchDue(10)).as("not due yet").isZero();
        h.clock.advance(Duration.ofSeconds(1));
        assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(1);
        Instant second = h.clock.instant();
        assertThat(h.calls.job(call.id()).orElseThrow().dueAt()).as("doubled").isEqualTo(second.plus(CallHarness.RETRY_DELAY.multipliedBy(2)));

        h.clock.advance(CallHarness.RETRY_DELAY.multipliedBy(2));
        h.dispatcher.dispatchDue(10);

        Call failed = h.stored(call.id());
        assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
        assertThat(failed.failureReason()).contains("after 3 attempts");
        assertThat(h.calls.job(call.id())).isEmpty();
        assertThat(h.platform.placed()).isEmpty();
        assertThat(h.platform.operations()).containsExactly("placeCall", "findCall", "placeCall", "findCall", "placeCall");
    }

    @Test
    void a_job_whose_lease_ran_out_while_it_waited_its_turn_is_not_sent_by_the_slow_worker() {
        Call call = h.place();
        // The slow worker leased it in a batch; by its turn the lease has run out and another worker has it.
        CallDispatchQueue slowBatch = new DelegatingQueue(h.calls) {
            @Override
            public List<DispatchJob> lease(int max, String owner, Duration lease) {
                List<DispatchJob> jobs = super.lease(max, owner, lease);
                h.clock.advance(lease.plusSeconds(1));
                assertThat(h.calls.lease(10, "worker-2", lease)).hasSize(1);
                return jobs;
            }
        };
        CallDispatchService slow = new CallDispatchService(slowBatch, h.platform, h.cipher, h.clock, CallHarness.POLICY,
                "worker-1");

        assertThat(slow.dispatchDue(10)).isEqualTo(1);

        assertThat(h.platform.placed()).as("the slow worker sent nothing").isEmpty();
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.QUEUED);
    }

    @Test
    void a_call_whose_attempts_may_each_have_reached_hamsa_is_not_failed_but_asked_about_again() {
        Call call = h.place();
        for (int attempt = 1; attempt <= CallHarness.MAX_ATTEMPTS + 2; attempt++) {
            h.platform.failNextPlacements(1, new PlatformException(PlatformFailure.TIMEOUT, null, "no answer"));
            assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(1);
            assertThat(h.stored(call.id()).status()).as("after attempt %d", attempt).isEqualTo(CallStatus.QUEUED);
            h.clock.advance(CallHarness.RETRY_DELAY.multipliedBy(64));
        }
        assertThat(h.platform.operations()).as("each attempt after the first asks Hamsa first").contains("findCall");
    }

    @Test
    void a_call_held_back_by_our_queue_or_breaker_waits_without_using_up_its_attempts() {
        Call call = h.place();
        h.platform.failNextPlacements(10, failure(PlatformFailure.CIRCUIT_OPEN));

        for (int pass = 0; pass < 10; pass++) {
            assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(1);
            assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.QUEUED);
            assertThat(h.calls.job(call.id()).orElseThrow().attempts()).as("nothing reached Hamsa").isZero();
            h.clock.advance(CallHarness.RETRY_DELAY);
        }
        h.dispatcher.dispatchDue(10);

        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(h.platform.placed()).hasSize(1);
    }

    @Test
    void a_rate_limited_dispatch_waits_as_long_as_hamsa_asked() {
        Call call = h.place();
        h.platform.failNextPlacements(1, new PlatformException(PlatformFailure.RATE_LIMITED, "10429", "slow down",
                Duration.ofSeconds(42), java.util.Map.of(), null));

        h.dispatcher.dispatchDue(10);

        assertThat(h.calls.job(call.id()).orElseThrow().dueAt()).isEqualTo(CallHarness.T0.plusSeconds(42));
    }

    @Test
    void a_retry_that_then_gets_through_dispatches_the_call() {
        Call call = h.place();
        h.platform.failNextPlacements(1, failure(PlatformFailure.RATE_LIMITED));

        h.dispatcher.dispatchDue(10);
        h.clock.advance(CallHarness.RETRY_DELAY);
        h.dispatcher.dispatchDue(10);

        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(h.platform.placed()).hasSize(1);
    }

    @Test
    void a_placement_that_timed_out_after_reaching_hamsa_is_found_on_the_retry_and_not_placed_again() {
        Call call = h.place();
        h.platform.placeThenTimeOutNext();

        h.dispatcher.dispatchDue(10);
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.QUEUED);
        h.clock.advance(CallHarness.RETRY_DELAY);
        h.dispatcher.dispatchDue(10);

        assertThat(h.platform.placed()).hasSize(1);
        assertThat(h.platform.operations()).containsExactly("placeCall", "findCall");
        Call dispatched = h.stored(call.id());
        assertThat(dispatched.status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(dispatched.hamsaCallId()).isEqualTo("job-1");
    }

    @Test
    void a_job_whose_worker_died_after_a_timed_out_placement_is_taken_again_after_its_lease_and_not_placed_twice() {
        Call call = h.place();
        h.platform.placeThenTimeOutNext();
        CallDispatchService dying = new CallDispatchService(new DyingQueue(h.calls), h.platform, h.cipher, h.clock,
                CallHarness.POLICY, "worker-dying");

        assertThatThrownBy(() -> dying.dispatchDue(10)).hasMessageContaining("worker died");
        assertThat(h.dispatcher.dispatchDue(10)).as("still leased by the dead worker").isZero();
        h.clock.advance(CallHarness.LEASE);
        assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(1);

        List<Placement> placed = h.platform.placed();
        assertThat(placed).as("Hamsa was asked to place the call exactly once").hasSize(1);
        assertThat(h.platform.operations()).containsExactly("placeCall", "findCall");
        Call dispatched = h.stored(call.id());
        assertThat(dispatched.status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(dispatched.hamsaCallId()).isEqualTo(placed.get(0).hamsaCallId());
        assertThat(h.calls.job(call.id())).isEmpty();
    }

    @Test
    void a_job_whose_worker_died_before_reaching_hamsa_is_placed_by_the_next() {
        Call call = h.place();
        h.calls.lease(1, "worker-dead", CallHarness.LEASE);
        h.clock.advance(CallHarness.LEASE);

        h.dispatcher.dispatchDue(10);

        assertThat(h.platform.operations()).containsExactly("findCall", "placeCall");
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.DISPATCHED);
    }

    @Test
    void a_failed_search_for_an_earlier_placement_is_retried_without_placing() {
        Call call = h.place();
        h.calls.lease(1, "worker-dead", CallHarness.LEASE);
        h.clock.advance(CallHarness.LEASE);
        h.platform.failNextFind(failure(PlatformFailure.UNAVAILABLE));

        h.dispatcher.dispatchDue(10);

        assertThat(h.platform.operations()).containsExactly("findCall");
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.QUEUED);
        assertThat(h.calls.job(call.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void a_call_no_longer_queued_is_not_sent_and_its_job_is_closed() {
        Call cancelled = h.place();
        h.calls.save(cancelled.cancelled(h.clock.instant()));
        Call started = h.place();
        h.calls.save(started.apply(CallFixtures.event(HamsaEvent.CALL_STARTED, h.clock.instant(), Map.of()),
                h.clock.instant()).call());

        assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(2);

        assertThat(h.platform.operations()).isEmpty();
        assertThat(h.stored(cancelled.id()).status()).isEqualTo(CallStatus.CANCELLED);
        assertThat(h.stored(started.id()).status()).isEqualTo(CallStatus.STARTED);
        assertThat(h.calls.job(cancelled.id())).isEmpty();
        assertThat(h.calls.job(started.id())).isEmpty();
    }

    @Test
    void a_call_whose_secret_cannot_be_opened_does_not_hold_up_the_others_and_fails_after_max_attempts() {
        Call unreadable = Call.queued(CallId.newId(), h.team, h.agent, "+15550000000", null, Map.of(), null,
                h.clock.instant());
        h.calls.insertQueued(unreadable, "sealed with a key no longer held", "digest");
        h.clock.advance(Duration.ofSeconds(1));
        Call fine = h.place();

        assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(2);

        assertThat(h.stored(fine.id()).status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(h.calls.job(unreadable.id())).hasValueSatisfying(j -> {
            assertThat(j.leaseOwner()).as("given back, not left leased").isNull();
            assertThat(j.dueAt()).isEqualTo(h.clock.instant().plus(CallHarness.RETRY_DELAY));
            assertThat(j.lastError()).contains("UnreadableSecretException");
        });
        for (int attempt = 2; attempt <= CallHarness.MAX_ATTEMPTS; attempt++) {
            h.clock.advance(CallHarness.POLICY.dispatchBackoff(attempt - 1));
            assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(1);
        }
        Call failed = h.stored(unreadable.id());
        assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Switchboard could not send the call after 3 attempts");
        assertThat(h.calls.job(unreadable.id())).isEmpty();
        assertThat(h.platform.placed()).hasSize(1);
    }

    @Test
    void a_due_web_call_is_opened_as_a_conversation_carrying_its_correlation_key_and_never_placed() {
        Call call = h.placeWeb();
        h.clock.advance(Duration.ofSeconds(1));

        assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(1);
        assertThat(h.dispatcher.dispatchDue(10)).isZero();

        assertThat(h.platform.opened()).singleElement().satisfies(w -> {
            assertThat(w.agent()).isEqualTo(h.agent.hamsaAgentId());
            assertThat(w.params()).isEqualTo(call.paramsForHamsa())
                    .containsEntry(Call.CORRELATION_PARAM, call.id().toString())
                    .containsAllEntriesOf(CallFixtures.startParams());
        });
        assertThat(h.platform.placed()).isEmpty();
        assertThat(h.platform.operations()).containsExactly("initConversation");
        Call dispatched = h.stored(call.id());
        assertThat(dispatched.status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(dispatched.hamsaCallId()).isEqualTo("web-job-1");
        assertThat(dispatched.dispatchedAt()).isEqualTo(h.clock.instant());
        assertThat(dispatched.channel()).isEqualTo(CallChannel.WEB);
        assertThat(h.calls.job(call.id())).isEmpty();
    }

    @Test
    void a_phone_call_and_a_web_call_due_together_each_go_their_own_way() {
        Call phone = h.place();
        Call web = h.placeWeb();

        assertThat(h.dispatcher.dispatchDue(10)).isEqualTo(2);

        assertThat(h.platform.placed()).singleElement().satisfies(p -> assertThat(p.request().params())
                .containsEntry(Call.CORRELATION_PARAM, phone.id().toString()));
        assertThat(h.platform.opened()).singleElement().satisfies(w -> assertThat(w.params())
                .containsEntry(Call.CORRELATION_PARAM, web.id().toString()));
        assertThat(h.stored(phone.id()).hamsaCallId()).isEqualTo("job-1");
        assertThat(h.stored(web.id()).hamsaCallId()).isEqualTo("web-job-1");
    }

    @Test
    void a_web_call_whose_opening_timed_out_after_reaching_hamsa_is_found_on_the_retry_and_not_opened_again() {
        Call call = h.placeWeb();
        h.platform.placeThenTimeOutNext();

        h.dispatcher.dispatchDue(10);
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.QUEUED);
        h.clock.advance(CallHarness.RETRY_DELAY);
        h.dispatcher.dispatchDue(10);

        assertThat(h.platform.opened()).as("Hamsa was asked to open the conversation exactly once").hasSize(1);
        assertThat(h.platform.placed()).isEmpty();
        assertThat(h.platform.operations()).containsExactly("initConversation", "findCall");
        Call dispatched = h.stored(call.id());
        assertThat(dispatched.status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(dispatched.hamsaCallId()).isEqualTo("web-job-1");
        assertThat(h.calls.job(call.id())).isEmpty();
    }

    @Test
    void a_web_call_whose_worker_died_before_reaching_hamsa_is_opened_by_the_next_after_asking_first() {
        Call call = h.placeWeb();
        h.calls.lease(1, "worker-dead", CallHarness.LEASE);
        h.clock.advance(CallHarness.LEASE);

        h.dispatcher.dispatchDue(10);

        assertThat(h.platform.operations()).containsExactly("findCall", "initConversation");
        assertThat(h.stored(call.id()).status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(h.stored(call.id()).hamsaCallId()).isEqualTo("web-job-1");
    }

    @Test
    void a_web_call_hamsa_refuses_fails_at_once_with_a_reason() {
        Call call = h.placeWeb();
        h.platform.failNextPlacements(1, failure(PlatformFailure.VALIDATION));

        h.dispatcher.dispatchDue(10);

        Call failed = h.stored(call.id());
        assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
        assertThat(failed.failureReason()).startsWith("Hamsa refused the call");
        assertThat(h.platform.operations()).containsExactly("initConversation");
        assertThat(h.calls.job(call.id())).isEmpty();
    }

    @Test
    void backoff_doubles_up_to_32_times_the_first_delay() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 50).stream().map(CallHarness.POLICY::dispatchBackoff).toList())
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                        Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofSeconds(320),
                        Duration.ofSeconds(320), Duration.ofSeconds(320));
    }

    /** A queue that does what the one it wraps does, for tests to change one step of. */
    private static class DelegatingQueue implements CallDispatchQueue {
        private final CallDispatchQueue delegate;

        DelegatingQueue(CallDispatchQueue delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<DispatchJob> lease(int max, String owner, Duration lease) {
            return delegate.lease(max, owner, lease);
        }

        @Override
        public boolean renew(DispatchJob job, Duration lease) {
            return delegate.renew(job, lease);
        }

        @Override
        public boolean complete(DispatchJob job, java.util.function.UnaryOperator<Call> change) {
            return delegate.complete(job, change);
        }

        @Override
        public void retryLater(DispatchJob job, Instant at, String error, boolean counts) {
            delegate.retryLater(job, at, error, counts);
        }
    }

    /** A queue whose worker dies after calling Hamsa and before storing the outcome. */
    private static final class DyingQueue extends DelegatingQueue {
        DyingQueue(CallDispatchQueue delegate) {
            super(delegate);
        }

        @Override
        public boolean complete(DispatchJob job, java.util.function.UnaryOperator<Call> change) {
            throw new IllegalStateException("worker died");
        }

        @Override
        public void retryLater(DispatchJob job, Instant at, String error, boolean counts) {
            throw new IllegalStateException("worker died");
        }
    }
}
