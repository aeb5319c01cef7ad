package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.CallFixtures;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallNotCancellableException;
import dev.switchboard.domain.model.CallNotFoundException;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.UnreadableSecretException;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.port.in.PlaceCallCommand;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallServiceTest {

    private final CallHarness h = new CallHarness();

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field));
    }

    @Test
    void a_placed_call_is_stored_queued_with_a_sealed_secret_and_its_digest() {
        Call call = h.place();

        assertThat(call.status()).isEqualTo(CallStatus.QUEUED);
        assertThat(call.team()).isEqualTo(h.team);
        assertThat(call.agentId()).isEqualTo(h.agent.id());
        assertThat(call.hamsaAgentId()).isEqualTo(h.agent.hamsaAgentId());
        assertThat(call.params()).isEqualTo(CallFixtures.startParams());
        assertThat(call.createdAt()).isEqualTo(CallHarness.T0);
        assertThat(h.calls.findById(h.team, call.id())).contains(call);
        assertThat(h.calls.job(call.id())).isPresent();

        String sealed = h.calls.sealedSecret(call.id());
        String secret = h.cipher.open(sealed, CallService.secretContext(call.id()));
        assertThat(secret).startsWith("whs_");
        assertThat(sealed).doesNotContain(secret);
        assertThat(h.calls.secretDigest(call.id())).isEqualTo(WebhookSecret.of(secret).digest());
        assertThat(WebhookSecret.presentedIn("Bearer " + secret, h.calls.secretDigest(call.id()))).isTrue();
    }

    @Test
    void the_sealed_secret_is_bound_to_its_call() {
        Call a = h.place();
        Call b = h.place();

        assertThatThrownBy(() -> h.cipher.open(h.calls.sealedSecret(a.id()), CallService.secretContext(b.id())))
                .isInstanceOf(UnreadableSecretException.class);
        assertThat(h.secretOf(a.id()).reveal()).isNotEqualTo(h.secretOf(b.id()).reveal());
        assertThat(CallService.secretContext(a.id())).isEqualTo("call-webhook-secret:" + a.id());
    }

    @Test
    void an_unknown_agent_is_refused_on_agent_id_and_nothing_is_stored() {
        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, VoiceAgentId.newId(), "+1555", null, null,
                null)), "agentId");
        assertThat(h.calls.list(h.team, CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void another_teams_agent_is_refused_like_an_unknown_one() {
        TeamId other = TeamId.newId();
        VoiceAgent theirs = CallFixtures.agent(other, CallHarness.T0);
        h.agents.insert(theirs);

        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, theirs.id(), "+1555", null, null, null)),
                "agentId");
        assertThat(h.calls.list(h.team, CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
        assertThat(h.calls.list(other, CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void invalid_params_and_external_ids_are_refused() {
        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, h.agent.id(), "+1555", null,
                Map.of(Call.CORRELATION_PARAM, "x"), null)), "params.switchboard_call_id");
        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, VoiceAgentId.newId(), "+1555", null,
                null, " ")), "externalId");
    }

    @Test
    void a_web_call_is_stored_queued_without_numbers_and_waits_for_the_dispatcher() {
        Call call = h.placeWeb();

        assertThat(call.channel()).isEqualTo(CallChannel.WEB);
        assertThat(call.status()).isEqualTo(CallStatus.QUEUED);
        assertThat(call.toNumber()).isNull();
        assertThat(call.fromNumber()).isNull();
        assertThat(call.team()).isEqualTo(h.team);
        assertThat(call.agentId()).isEqualTo(h.agent.id());
        assertThat(call.params()).isEqualTo(CallFixtures.startParams());
        assertThat(h.calls.findById(h.team, call.id())).contains(call);
        assertThat(h.calls.job(call.id())).isPresent();
        assertThat(h.platform.operations()).as("nothing is sent before the dispatcher runs").isEmpty();
    }

    @Test
    void a_web_call_with_a_number_is_refused_and_nothing_is_stored() {
        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, h.agent.id(), CallChannel.WEB, "+1555",
                null, null, null)), "toNumber");
        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, h.agent.id(), CallChannel.WEB, null,
                "+1555", null, null)), "fromNumber");
        assertThat(h.calls.list(h.team, CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_phone_call_without_a_number_is_refused_on_to_number_and_nothing_is_stored() {
        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, h.agent.id(), CallChannel.PHONE, null,
                "+1555", null, null)), "toNumber");
        assertInvalid(() -> h.callService.place(new PlaceCallCommand(h.team, h.agent.id(), null, null, null, null,
                null)), "toNumber");
        assertThat(h.calls.list(h.team, CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_command_without_a_channel_is_a_phone_call() {
        assertThat(new PlaceCallCommand(h.team, h.agent.id(), "+1555", null, null, null).channel())
                .isEqualTo(CallChannel.PHONE);
        assertThat(new PlaceCallCommand(h.team, h.agent.id(), null, "+1555", null, null, null).channel())
                .isEqualTo(CallChannel.PHONE);
        assertThat(h.place().channel()).isEqualTo(CallChannel.PHONE);
    }

    @Test
    void get_finds_only_the_teams_own_call() {
        Call call = h.place();

        assertThat(h.callService.get(h.team, call.id())).isEqualTo(call);
        assertThatThrownBy(() -> h.callService.get(TeamId.newId(), call.id())).isInstanceOf(CallNotFoundException.class);
        assertThatThrownBy(() -> h.callService.get(h.team, CallId.newId())).isInstanceOf(CallNotFoundException.class);
    }

    @Test
    void list_shows_the_teams_calls_newest_first() {
        Call first = h.place();
        h.clock.advance(Duration.ofSeconds(1));
        Call second = h.place();

        assertThat(h.callService.list(h.team, CallFilter.none(), PageRequest.first(10)).items())
                .extracting(Call::id).containsExactly(second.id(), first.id());
        assertThat(h.callService.list(TeamId.newId(), CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_queued_call_is_cancelled_and_never_sent() {
        Call call = h.place();
        h.clock.advance(Duration.ofSeconds(2));

        Call cancelled = h.callService.cancel(h.team, call.id());

        assertThat(cancelled.status()).isEqualTo(CallStatus.CANCELLED);
        assertThat(cancelled.endedAt()).isEqualTo(h.clock.instant());
        assertThat(h.callService.get(h.team, call.id())).isEqualTo(cancelled);
        assertThat(h.dispatcher.dispatchDue(10)).isZero();
        assertThat(h.platform.operations()).isEmpty();
    }

    @Test
    void a_call_being_sent_or_sent_cannot_be_cancelled() {
        Call leased = h.place();
        h.calls.lease(1, "another-worker", CallHarness.LEASE);
        Call sent = h.place();
        h.dispatcher.dispatchDue(10);

        assertThatThrownBy(() -> h.callService.cancel(h.team, leased.id())).isInstanceOf(CallNotCancellableException.class);
        assertThatThrownBy(() -> h.callService.cancel(h.team, sent.id()))
                .isInstanceOfSatisfying(CallNotCancellableException.class,
                        e -> assertThat(e.status()).isEqualTo(CallStatus.DISPATCHED));
        assertThatThrownBy(() -> h.callService.cancel(TeamId.newId(), sent.id())).isInstanceOf(CallNotFoundException.class);
        assertThat(h.stored(leased.id()).status()).isEqualTo(CallStatus.QUEUED);
    }
}
