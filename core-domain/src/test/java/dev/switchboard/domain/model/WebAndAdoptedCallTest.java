package dev.switchboard.domain.model;

import static dev.switchboard.domain.fake.CallFixtures.CONVERSATION;
import static dev.switchboard.domain.fake.CallFixtures.RECORDING;
import static dev.switchboard.domain.fake.CallFixtures.TURNS;
import static dev.switchboard.domain.fake.CallFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.CallFixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channel rules of a new call, and calls Switchboard did not place but adopts from its agent's webhook. */
class WebAndAdoptedCallTest {

    private static final Instant T0 = Instant.parse("2024-01-15T14:30:00Z");
    private static final TeamId TEAM = TeamId.newId();
    private static final VoiceAgent AGENT = CallFixtures.agent(TEAM, T0);
    private static final String DASHBOARD_CALL = "call_from_the_dashboard";

    private static Call queued(CallChannel channel, String toNumber, String fromNumber) {
        return Call.queued(CallId.newId(), TEAM, AGENT, channel, toNumber, fromNumber, CallFixtures.startParams(), null, T0);
    }

    private static void assertRefusedOn(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field));
    }

    private static List<String> events(Call call) {
        return call.timeline().stream().map(TimelineEntry::event).toList();
    }

    @Test
    void a_phone_call_needs_the_number_to_dial() {
        assertRefusedOn(() -> queued(CallChannel.PHONE, null, "+15557654321"), "toNumber");
        assertRefusedOn(() -> Call.queued(CallId.newId(), TEAM, AGENT, null, null, Map.of(), null, T0), "toNumber");
    }

    @Test
    void a_phone_call_with_a_number_is_queued_with_or_without_a_caller_id() {
        Call withCallerId = queued(CallChannel.PHONE, "+15551234567", "+15557654321");
        Call withoutCallerId = queued(CallChannel.PHONE, "+15551234567", null);

        assertThat(withCallerId.channel()).isEqualTo(CallChannel.PHONE);
        assertThat(withCallerId.toNumber()).isEqualTo("+15551234567");
        assertThat(withCallerId.fromNumber()).isEqualTo("+15557654321");
        assertThat(withoutCallerId.fromNumber()).isNull();
    }

    @Test
    void the_queued_call_without_a_channel_is_a_phone_call() {
        Call call = Call.queued(CallId.newId(), TEAM, AGENT, "+15551234567", null, Map.of(), null, T0);

        assertThat(call.channel()).isEqualTo(CallChannel.PHONE);
    }

    @Test
    void a_web_conversation_takes_no_number_to_dial_nor_to_call_from() {
        assertRefusedOn(() -> queued(CallChannel.WEB, "+15551234567", null), "toNumber");
        assertRefusedOn(() -> queued(CallChannel.WEB, null, "+15557654321"), "fromNumber");
        assertThatThrownBy(() -> queued(CallChannel.WEB, "+15551234567", "+15557654321"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).contains("toNumber"));
    }

    @Test
    void a_web_conversation_without_numbers_is_queued_with_nothing_from_hamsa_yet() {
        Call call = queued(CallChannel.WEB, null, null);

        assertThat(call.channel()).isEqualTo(CallChannel.WEB);
        assertThat(call.status()).isEqualTo(CallStatus.QUEUED);
        assertThat(call.toNumber()).isNull();
        assertThat(call.fromNumber()).isNull();
        assertThat(call.hamsaCallId()).isNull();
        assertThat(call.dispatchedAt()).isNull();
        assertThat(call.team()).isEqualTo(TEAM);
        assertThat(call.agentId()).isEqualTo(AGENT.id());
        assertThat(call.params()).isEqualTo(CallFixtures.startParams());
        assertThat(call.paramsForHamsa()).containsEntry(Call.CORRELATION_PARAM, call.id().toString());
        assertThat(events(call)).containsExactly("queued");
        assertThat(call.version()).isEqualTo(1);
    }

    @Test
    void a_web_conversation_keeps_the_rules_on_params_and_external_ids() {
        assertRefusedOn(() -> Call.queued(CallId.newId(), TEAM, AGENT, CallChannel.WEB, null, null,
                Map.of(Call.CORRELATION_PARAM, "forged"), null, T0), "params.switchboard_call_id");
        assertRefusedOn(() -> Call.queued(CallId.newId(), TEAM, AGENT, CallChannel.WEB, null, null, Map.of(), " ", T0),
                "externalId");
    }

    @Test
    void an_adopted_call_is_the_agents_teams_and_already_dispatched_under_hamsas_id() {
        TeamId agentsTeam = TeamId.newId();
        VoiceAgent agent = CallFixtures.agent(agentsTeam, "agent_of_another_team", T0);
        CallId id = CallId.newId();

        Call call = Call.adopted(id, agent, DASHBOARD_CALL, CallChannel.WEB, T0.plusSeconds(5));

        assertThat(call.id()).isEqualTo(id);
        assertThat(call.team()).isEqualTo(agentsTeam);
        assertThat(call.agentId()).isEqualTo(agent.id());
        assertThat(call.hamsaAgentId()).isEqualTo(agent.hamsaAgentId());
        assertThat(call.hamsaCallId()).isEqualTo(DASHBOARD_CALL);
        assertThat(call.channel()).isEqualTo(CallChannel.WEB);
        assertThat(call.status()).isEqualTo(CallStatus.DISPATCHED);
        assertThat(call.toNumber()).isNull();
        assertThat(call.fromNumber()).isNull();
        assertThat(call.params()).isEmpty();
        assertThat(call.externalId()).isNull();
        assertThat(call.hamsaConversationId()).isNull();
        assertThat(call.createdAt()).isEqualTo(T0.plusSeconds(5)).isEqualTo(call.updatedAt()).isEqualTo(call.dispatchedAt());
        assertThat(call.endedAt()).isNull();
        assertThat(call.version()).isEqualTo(1);
        assertThat(call.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo("adopted");
            assertThat(entry.at()).isEqualTo(T0.plusSeconds(5));
            assertThat(entry.detail()).containsEntry("hamsaCallId", DASHBOARD_CALL);
        });
    }

    @Test
    void an_adopted_call_keeps_the_channel_it_was_heard_on() {
        assertThat(Call.adopted(CallId.newId(), AGENT, DASHBOARD_CALL, CallChannel.PHONE, T0).channel())
                .isEqualTo(CallChannel.PHONE);
    }

    @Test
    void a_call_is_adopted_only_under_a_hamsa_id() {
        assertThatThrownBy(() -> Call.adopted(CallId.newId(), AGENT, null, CallChannel.PHONE, T0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_events_of_an_adopted_call_take_it_to_its_end_like_those_of_a_placed_one() {
        Call adopted = Call.adopted(CallId.newId(), AGENT, DASHBOARD_CALL, CallChannel.PHONE, T0);
        Map<String, Object> ended = new LinkedHashMap<>();
        ended.put("conversationId", CONVERSATION);
        ended.put("conversationRecording", RECORDING);
        ended.put("transcription", CallFixtures.transcription());
        ended.put("outcomeResult", CallFixtures.outcomeResult());
        ended.put("callDuration", 45);

        Call started = adopted.apply(event(HamsaEvent.CALL_STARTED, T0.plusSeconds(10), Map.of()), T0.plusSeconds(11)).call();
        Call answered = started.apply(event(HamsaEvent.CALL_ANSWERED, T0.plusSeconds(15), Map.of()), T0.plusSeconds(16)).call();
        Call.Applied last = answered.apply(event(HamsaEvent.CALL_ENDED, T0.plusSeconds(60), ended), T0.plusSeconds(61));
        Call done = last.call();

        assertThat(started.status()).isEqualTo(CallStatus.STARTED);
        assertThat(answered.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(done.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(last.warnings()).isEmpty();
        assertThat(done.transcript()).extracting(l -> List.of(l.speaker(), l.text())).containsExactlyElementsOf(TURNS);
        assertThat(done.outcome()).isEqualTo(CallFixtures.outcomeResult());
        assertThat(done.recordingUrl()).isEqualTo(RECORDING);
        assertThat(done.hamsaConversationId()).isEqualTo(CONVERSATION);
        assertThat(done.durationSeconds()).isEqualTo(45);
        assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(done.hamsaCallId()).isEqualTo(DASHBOARD_CALL);
        assertThat(done.team()).isEqualTo(TEAM);
        assertThat(events(done)).containsExactly("adopted", "call.started", "call.answered", "call.ended");
        assertThat(done.version()).isEqualTo(4);
    }
}
