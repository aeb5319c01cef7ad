package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallNotCancellableException;
import dev.switchboard.domain.model.CallNotFoundException;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.DispatchJob;
import dev.switchboard.domain.model.DuplicateCallExternalIdException;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryCallRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final TeamId TEAM = TeamId.newId();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCallRepository repository = new InMemoryCallRepository(clock);

    private Call insert() {
        return insert(null);
    }

    private Call insert(String externalId) {
        Call call = Call.queued(CallId.newId(), TEAM, CallFixtures.agent(TEAM, T0), "+1555", null, Map.of(), externalId,
                clock.instant());
        repository.insertQueued(call, "sealed-" + call.id(), "digest-" + call.id());
        return call;
    }

    @Test
    void an_inserted_call_is_found_by_its_team_only_with_a_due_job() {
        Call call = insert();

        assertThat(repository.findById(TEAM, call.id())).contains(call);
        assertThat(repository.findById(TeamId.newId(), call.id())).isEmpty();
        assertThat(repository.job(call.id())).hasValueSatisfying(j -> {
            assertThat(j.attempts()).isZero();
            assertThat(j.dueAt()).isEqualTo(T0);
            assertThat(j.leaseOwner()).isNull();
        });
        assertThat(repository.webhookTarget(call.id())).hasValueSatisfying(t -> {
            assertThat(t.secretDigest()).isEqualTo("digest-" + call.id());
            assertThat(t.hamsaAgentId()).isEqualTo(call.hamsaAgentId());
            assertThat(t.hamsaCallId()).isNull();
        });
        assertThat(repository.webhookTarget(CallId.newId())).isEmpty();
    }

    @Test
    void an_external_id_names_one_call_per_team() {
        Call first = insert("crm-1");

        assertThatThrownBy(() -> insert("crm-1")).isInstanceOfSatisfying(DuplicateCallExternalIdException.class,
                e -> assertThat(e.existing()).isEqualTo(first.id()));
    }

    @Test
    void a_lease_makes_a_job_one_workers_until_it_runs_out() {
        Call call = insert();

        List<DispatchJob> a = repository.lease(10, "a", LEASE);
        List<DispatchJob> b = repository.lease(10, "b", LEASE);
        clock.advance(LEASE);
        List<DispatchJob> c = repository.lease(10, "c", LEASE);

        assertThat(a).singleElement().satisfies(j -> {
            assertThat(j.attempt()).isEqualTo(1);
            assertThat(j.sealedSecret()).isEqualTo("sealed-" + call.id());
            assertThat(j.leaseOwner()).isEqualTo("a");
        });
        assertThat(b).isEmpty();
        assertThat(c).singleElement().satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
    }

    @Test
    void leases_take_the_oldest_due_jobs_first_up_to_max() {
        Call first = insert();
        clock.advance(Duration.ofSeconds(1));
        Call second = insert();
        clock.advance(Duration.ofSeconds(1));
        insert();

        assertThat(repository.lease(2, "a", LEASE)).extracting(j -> j.call().id()).containsExactly(first.id(), second.id());
    }

    @Test
    void complete_stores_the_next_version_only_for_the_worker_that_still_holds_the_lease() {
        Call call = insert();
        DispatchJob job = repository.lease(1, "a", LEASE).get(0);
        Call dispatched = call.dispatched("job-1", clock.instant());

        assertThat(repository.complete(new DispatchJob(call, job.sealedSecret(), job.attempt(), "b"), c -> dispatched)).isFalse();
        assertThat(repository.complete(job, c -> dispatched)).isTrue();
        assertThat(repository.findById(TEAM, call.id())).contains(dispatched);
        assertThat(repository.job(call.id())).isEmpty();
        assertThat(repository.webhookTarget(call.id()).orElseThrow().hamsaCallId()).isEqualTo("job-1");
        assertThat(repository.complete(job, c -> dispatched)).as("the job is gone").isFalse();
    }

    @Test
    void complete_after_the_lease_ran_out_stores_nothing_even_if_nobody_took_the_job() {
        Call call = insert();
        DispatchJob job = repository.lease(1, "a", LEASE).get(0);
        clock.advance(LEASE);

        assertThat(repository.complete(job, c -> call.dispatched("job-1", clock.instant()))).isFalse();
        assertThat(repository.findById(TEAM, call.id()).orElseThrow().status()).isEqualTo(CallStatus.QUEUED);
    }

    @Test
    void complete_by_an_earlier_lease_of_the_same_worker_is_refused() {
        insert();
        DispatchJob first = repository.lease(1, "a", LEASE).get(0);
        clock.advance(LEASE);
        DispatchJob second = repository.lease(1, "a", LEASE).get(0);

        assertThat(repository.complete(first, c -> first.call().dispatched("job-1", clock.instant()))).isFalse();
        assertThat(repository.complete(second, c -> second.call().dispatched("job-2", clock.instant()))).isTrue();
    }

    @Test
    void retry_later_gives_the_job_back_due_at_the_given_time_with_its_error() {
        Call call = insert();
        DispatchJob job = repository.lease(1, "a", LEASE).get(0);

        repository.retryLater(job, T0.plusSeconds(60), "UNAVAILABLE: down", true);

        assertThat(repository.job(call.id())).hasValueSatisfying(j -> {
            assertThat(j.dueAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(j.lastError()).isEqualTo("UNAVAILABLE: down");
            assertThat(j.leaseOwner()).isNull();
            assertThat(j.attempts()).isEqualTo(1);
        });
        assertThat(repository.lease(1, "b", LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(repository.lease(1, "b", LEASE)).singleElement().satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
    }

    @Test
    void retry_later_by_a_worker_that_lost_its_lease_changes_nothing() {
        Call call = insert();
        DispatchJob stale = repository.lease(1, "a", LEASE).get(0);
        clock.advance(LEASE);
        repository.lease(1, "b", LEASE);

        repository.retryLater(stale, T0.plusSeconds(3600), "late", true);

        assertThat(repository.job(call.id())).hasValueSatisfying(j -> {
            assertThat(j.leaseOwner()).isEqualTo("b");
            assertThat(j.lastError()).isNull();
        });
    }

    @Test
    void cancel_refuses_a_leased_job_and_removes_an_idle_one() {
        Call leased = insert();
        repository.lease(1, "a", LEASE);
        Call idle = insert();

        assertThatThrownBy(() -> repository.cancel(TEAM, leased.id(), c -> c.cancelled(clock.instant())))
                .isInstanceOf(CallNotCancellableException.class);
        Call cancelled = repository.cancel(TEAM, idle.id(), c -> c.cancelled(clock.instant()));

        assertThat(cancelled.status()).isEqualTo(CallStatus.CANCELLED);
        assertThat(repository.findById(TEAM, idle.id())).contains(cancelled);
        assertThat(repository.job(idle.id())).isEmpty();
        assertThat(repository.job(leased.id())).isPresent();
        assertThatThrownBy(() -> repository.cancel(TeamId.newId(), idle.id(), c -> c))
                .isInstanceOf(CallNotFoundException.class);
    }

    @Test
    void a_refusing_cancel_keeps_the_job() {
        Call call = insert();

        assertThatThrownBy(() -> repository.cancel(TEAM, call.id(), c -> {
            throw new CallNotCancellableException(c.id(), c.status());
        })).isInstanceOf(CallNotCancellableException.class);
        assertThat(repository.job(call.id())).isPresent();
    }

    @Test
    void claim_overdue_returns_unended_calls_dispatched_before_the_cut_and_not_again_before_the_next_check() {
        Call old = dispatch(insert());
        clock.advance(Duration.ofMinutes(10));
        Call recent = dispatch(insert());
        Call ended = insert();
        repository.save(dispatch(ended).failedToDispatch("x", clock.instant()));
        insert();
        Instant cut = T0.plus(Duration.ofMinutes(5));

        List<Call> first = repository.claimOverdue(cut, 10, clock.instant().plusSeconds(60));
        List<Call> again = repository.claimOverdue(cut, 10, clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        List<Call> later = repository.claimOverdue(clock.instant(), 10, clock.instant().plusSeconds(60));

        assertThat(first).extracting(Call::id).containsExactly(old.id());
        assertThat(again).isEmpty();
        assertThat(later).extracting(Call::id).containsExactly(old.id(), recent.id());
    }

    private Call dispatch(Call call) {
        DispatchJob job = repository.lease(10, "a", LEASE).stream().filter(j -> j.call().id().equals(call.id()))
                .findFirst().orElseThrow();
        Call dispatched = call.dispatched("job-" + call.id(), clock.instant());
        assertThat(repository.complete(job, c -> dispatched)).isTrue();
        return dispatched;
    }

    @Test
    void a_list_is_newest_first_filtered_and_paged() {
        List<Call> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inserted.add(insert("ext-" + i));
            clock.advance(Duration.ofSeconds(1));
        }
        repository.cancel(TEAM, inserted.get(1).id(), c -> c.cancelled(clock.instant()));

        Page<Call> page1 = repository.list(TEAM, CallFilter.none(), PageRequest.first(2));
        Page<Call> page2 = repository.list(TEAM, CallFilter.none(), new PageRequest(2, page1.nextCursor()));
        Page<Call> page3 = repository.list(TEAM, CallFilter.none(), new PageRequest(2, page2.nextCursor()));

        assertThat(page1.items()).extracting(Call::externalId).containsExactly("ext-4", "ext-3");
        assertThat(page2.items()).extracting(Call::externalId).containsExactly("ext-2", "ext-1");
        assertThat(page3.items()).extracting(Call::externalId).containsExactly("ext-0");
        assertThat(page3.nextCursor()).isEmpty();
        CallFilter cancelled = new CallFilter(Optional.empty(), Optional.of(CallStatus.CANCELLED), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(repository.list(TEAM, cancelled, PageRequest.first(10)).items()).extracting(Call::externalId)
                .containsExactly("ext-1");
        CallFilter window = new CallFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(3)));
        assertThat(repository.list(TEAM, window, PageRequest.first(10)).items()).extracting(Call::externalId)
                .containsExactly("ext-2", "ext-1");
        assertThat(repository.list(TeamId.newId(), CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> repository.list(TEAM, CallFilter.none(), new PageRequest(2, Optional.of("nonsense"))))
                .isInstanceOf(InvalidInputException.class);
    }

    // --- adopting calls Switchboard did not place

    private static final VoiceAgent AGENT = CallFixtures.agent(TEAM, T0);

    private Call adopted(VoiceAgent agent, String hamsaCallId) {
        return Call.adopted(CallId.newId(), agent, hamsaCallId, CallChannel.PHONE, clock.instant());
    }

    private List<Call> teamsCalls() {
        return repository.list(TEAM, CallFilter.none(), PageRequest.first(100)).items();
    }

    @Test
    void an_unknown_hamsa_call_is_adopted_once_with_no_dispatch_job_and_no_webhook_target() {
        Call first = adopted(AGENT, "call_from_the_dashboard");

        CallId id = repository.adopt(first);
        CallId again = repository.adopt(adopted(AGENT, "call_from_the_dashboard"));

        assertThat(id).isEqualTo(first.id());
        assertThat(again).as("the second adoption finds the first").isEqualTo(first.id());
        assertThat(repository.findById(TEAM, id)).contains(first);
        assertThat(teamsCalls()).containsExactly(first);
        assertThat(repository.job(id)).isEmpty();
        assertThat(repository.lease(10, "a", LEASE)).as("nothing to dispatch").isEmpty();
        assertThat(repository.webhookTarget(id)).as("no secret of its own").isEmpty();
    }

    @Test
    void adopting_a_call_switchboard_placed_finds_it_by_its_hamsa_call_id_and_stores_nothing() {
        Call placed = dispatch(insert());

        CallId id = repository.adopt(adopted(AGENT, placed.hamsaCallId()));

        assertThat(id).isEqualTo(placed.id());
        assertThat(teamsCalls()).containsExactly(placed);
        assertThat(repository.webhookTarget(placed.id())).isPresent();
    }

    @Test
    void adopting_a_call_switchboard_placed_finds_it_by_its_conversation_id() {
        Call placed = dispatch(insert());
        Call ended = placed.apply(CallFixtures.event(HamsaEvent.CALL_ENDED, clock.instant(),
                CallFixtures.endedPayload(placed.id())), clock.instant()).call();
        repository.save(ended);

        CallId id = repository.adopt(adopted(AGENT, CallFixtures.CONVERSATION));

        assertThat(id).isEqualTo(placed.id());
        assertThat(teamsCalls()).containsExactly(ended);
    }

    @Test
    void another_agents_call_with_the_same_hamsa_id_is_not_the_one_adopted() {
        Call placed = dispatch(insert());
        VoiceAgent another = CallFixtures.agent(TEAM, "agent_another", T0);
        Call theirs = adopted(another, placed.hamsaCallId());

        CallId id = repository.adopt(theirs);

        assertThat(id).isEqualTo(theirs.id()).isNotEqualTo(placed.id());
        assertThat(teamsCalls()).extracting(Call::id).containsExactlyInAnyOrder(placed.id(), theirs.id());
    }

    @Test
    void a_queued_call_hamsa_has_not_named_yet_is_not_taken_for_an_adopted_one() {
        Call queued = insert();

        CallId id = repository.adopt(adopted(AGENT, "call_from_the_dashboard"));

        assertThat(id).isNotEqualTo(queued.id());
        assertThat(teamsCalls()).hasSize(2);
    }

    @Test
    void an_adopted_call_takes_its_events_like_any_stored_call() {
        Call call = adopted(AGENT, "call_from_the_dashboard");
        repository.adopt(call);
        Call started = call.apply(CallFixtures.event(HamsaEvent.CALL_STARTED, clock.instant(), Map.of()),
                clock.instant()).call();

        repository.save(started);

        assertThat(repository.load(call.id())).contains(started);
        assertThat(repository.adopt(adopted(AGENT, "call_from_the_dashboard"))).isEqualTo(call.id());
    }
}
