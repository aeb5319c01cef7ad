package dev.switchboard.domain.service;

import static dev.switchboard.domain.fake.CallFixtures.HAMSA_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.domain.fake.CallFixtures;
import dev.switchboard.domain.fake.InMemoryAgentWebhookRegistry;
import dev.switchboard.domain.model.AgentWebhookId;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallStatus;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformWebhook;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TimelineEntry;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Nested;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.WebhookRefusedException;
import dev.switchboard.domain.model.WebhookRefusedException.Reason;
import dev.switchboard.domain.port.in.HamsaDelivery;
import dev.switchboard.domain.port.in.WebhookReceipt;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HamsaWebhookServiceTest {

    private static final String TS = "2024-01-15T14:35:00.000Z";

    private final CallHarness h = new CallHarness();
    private final HamsaWebhookService service = new HamsaWebhookService(h.calls, h.inbox, Optional.empty());
    private final Call call = h.placeAndDispatchAs(HAMSA_CALL);
    private final String bearer = "Bearer " + h.secretOf(call.id()).reveal();

    private static final Supplier<Map<String, Object>> MUST_NOT_PARSE = () -> fail("the body was parsed before the sender proved who it is");

    private static String bodyOf(Map<String, Object> envelope) {
        return envelope.toString();
    }

    private static HamsaDelivery delivery(String callId, String authorization, Map<String, Object> envelope) {
        return new HamsaDelivery(callId, authorization, () -> envelope, bodyOf(envelope));
    }

    private HamsaDelivery delivery(Map<String, Object> envelope) {
        return delivery(call.id().toString(), bearer, envelope);
    }

    private static Map<String, Object> ended(CallId id) {
        return CallFixtures.envelope(HamsaEvent.CALL_ENDED, TS, CallFixtures.endedPayload(id));
    }

    private void assertRefused(HamsaDelivery delivery, Reason reason) {
        assertThatThrownBy(() -> service.receive(delivery)).isInstanceOfSatisfying(WebhookRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(h.inbox.entries()).as("nothing stored").isEmpty();
    }

    @Test
    void a_delivery_with_the_calls_secret_is_stored_verbatim_in_the_inbox() {
        Map<String, Object> envelope = ended(call.id());

        WebhookReceipt receipt = service.receive(delivery(envelope));

        assertThat(receipt.callId()).isEqualTo(call.id());
        assertThat(receipt.eventType()).isEqualTo(HamsaEvent.CALL_ENDED);
        assertThat(receipt.duplicate()).isFalse();
        assertThat(receipt.dedupKey()).isEqualTo(call.id() + "|call.ended|2024-01-15T14:35:00Z");
        assertThat(h.inbox.pending()).singleElement().satisfies(e -> {
            assertThat(e.callId()).isEqualTo(call.id());
            assertThat(e.dedupKey()).isEqualTo(receipt.dedupKey());
            assertThat(e.body()).isEqualTo(bodyOf(envelope));
            assertThat(e.event().source()).isEqualTo(HamsaEvent.SOURCE_WEBHOOK);
            assertThat(e.event().payload()).containsKey("outcomeResult");
        });
    }

    @Test
    void lower_case_bearer_and_the_bare_secret_are_accepted_too() {
        String secret = h.secretOf(call.id()).reveal();
        Map<String, Object> started = CallFixtures.envelope(HamsaEvent.CALL_STARTED, TS, Map.of());
        Map<String, Object> answered = CallFixtures.envelope(HamsaEvent.CALL_ANSWERED, TS, Map.of());

        assertThat(service.receive(delivery(call.id().toString(), "bearer " + secret, started)).duplicate()).isFalse();
        assertThat(service.receive(delivery(call.id().toString(), secret, answered)).duplicate()).isFalse();
    }

    @Test
    void a_call_switchboard_never_placed_gets_the_answer_of_a_wrong_secret() {
        assertRefused(new HamsaDelivery(CallId.newId().toString(), bearer, MUST_NOT_PARSE, "{}"), Reason.BAD_CREDENTIALS);
        assertRefused(new HamsaDelivery("not-a-uuid", bearer, MUST_NOT_PARSE, "{}"), Reason.BAD_CREDENTIALS);
        assertRefused(new HamsaDelivery(null, bearer, MUST_NOT_PARSE, "{}"), Reason.BAD_CREDENTIALS);
    }

    @Test
    void wrong_or_missing_credentials_are_refused_before_the_body_is_read() {
        String id = call.id().toString();
        String secret = h.secretOf(call.id()).reveal();
        Call other = h.place();

        for (String authorization : Arrays.asList(null, "", "Bearer", "Bearer wrong", "Basic " + secret,
                "Bearer " + h.secretOf(other.id()).reveal(), "Bearer " + h.calls.secretDigest(call.id()))) {
            assertRefused(new HamsaDelivery(id, authorization, MUST_NOT_PARSE, "{}"), Reason.BAD_CREDENTIALS);
        }
    }

    @Test
    void an_event_naming_another_agent_is_a_mismatch() {
        Map<String, Object> envelope = ended(call.id());
        envelope.put("agentId", "agent_someone_else");

        assertRefused(delivery(envelope), Reason.MISMATCH);
    }

    @Test
    void an_event_naming_another_hamsa_call_is_kept_since_it_holds_the_calls_secret() {
        Map<String, Object> envelope = ended(call.id());
        envelope.put("callId", "call_other");

        assertThat(service.receive(delivery(envelope)).duplicate()).isFalse();
    }

    @Test
    void an_event_naming_another_project_is_a_mismatch_when_the_project_is_configured() {
        HamsaWebhookService strict = new HamsaWebhookService(h.calls, h.inbox, Optional.of(CallFixtures.HAMSA_PROJECT));
        Map<String, Object> envelope = ended(call.id());
        envelope.put("projectId", "proj_other");

        assertThatThrownBy(() -> strict.receive(delivery(envelope))).isInstanceOfSatisfying(WebhookRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MISMATCH));
        assertThat(service.receive(delivery(envelope)).duplicate()).as("no project configured: any is taken").isFalse();
        assertThat(strict.receive(delivery(CallFixtures.envelope(HamsaEvent.CALL_STARTED, TS, Map.of()))).duplicate())
                .isFalse();
    }

    @Test
    void before_hamsa_named_the_call_any_hamsa_call_id_is_taken_and_ids_left_out_are_not_checked() {
        Call queued = h.place();
        String secret = "Bearer " + h.secretOf(queued.id()).reveal();
        Map<String, Object> envelope = CallFixtures.envelope(HamsaEvent.CALL_STARTED, TS, Map.of());
        envelope.put("callId", "call_not_known_yet");
        Map<String, Object> bare = new LinkedHashMap<>(Map.of("eventType", HamsaEvent.CALL_ANSWERED, "timestamp", TS));

        assertThat(service.receive(delivery(queued.id().toString(), secret, envelope)).duplicate()).isFalse();
        assertThat(service.receive(delivery(call.id().toString(), bearer, bare)).duplicate()).isFalse();
    }

    @Test
    void the_same_delivery_twice_is_stored_once() {
        Map<String, Object> envelope = ended(call.id());

        WebhookReceipt first = service.receive(delivery(envelope));
        WebhookReceipt second = service.receive(delivery(envelope));

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.dedupKey()).isEqualTo(first.dedupKey());
        assertThat(h.inbox.entries()).hasSize(1);
    }

    @Test
    void the_same_timestamp_written_another_way_is_the_same_event() {
        Map<String, Object> a = CallFixtures.envelope(HamsaEvent.CALL_STARTED, "2024-01-15T14:35:00.000Z", Map.of());
        Map<String, Object> b = CallFixtures.envelope(HamsaEvent.CALL_STARTED, "2024-01-15T14:35:00Z", Map.of());

        assertThat(service.receive(delivery(a)).duplicate()).isFalse();
        assertThat(service.receive(delivery(b)).duplicate()).isTrue();
    }

    @Test
    void two_transcription_updates_with_one_timestamp_but_different_bodies_are_both_stored() {
        Map<String, Object> agent = CallFixtures.envelope(HamsaEvent.TRANSCRIPTION_UPDATE, TS,
                CallFixtures.update("Agent", "Hello!", 0));
        Map<String, Object> user = CallFixtures.envelope(HamsaEvent.TRANSCRIPTION_UPDATE, TS,
                CallFixtures.update("User", "Hi.", 1));

        WebhookReceipt first = service.receive(delivery(agent));
        WebhookReceipt second = service.receive(delivery(user));
        WebhookReceipt repeat = service.receive(delivery(user));

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isFalse();
        assertThat(repeat.duplicate()).isTrue();
        assertThat(first.dedupKey()).isNotEqualTo(second.dedupKey())
                .matches(call.id() + "\\|transcription\\.update\\|2024-01-15T14:35:00Z\\|[0-9a-f]{32}");
        assertThat(h.inbox.entries()).hasSize(2);
    }

    @Test
    void the_dedup_key_is_call_type_and_time_with_a_body_digest_for_transcription_updates_and_tools_only() {
        CallId id = CallId.newId();
        Instant at = Instant.parse(TS);
        HamsaEvent started = CallFixtures.event(HamsaEvent.CALL_STARTED, at, Map.of());
        HamsaEvent update = CallFixtures.event(HamsaEvent.TRANSCRIPTION_UPDATE, at, Map.of());

        assertThat(HamsaWebhookService.dedupKey(id, started, "{\"a\":1}"))
                .isEqualTo(HamsaWebhookService.dedupKey(id, started, "{\"a\":2}"))
                .isEqualTo(id + "|call.started|2024-01-15T14:35:00Z");
        assertThat(HamsaWebhookService.dedupKey(id, update, "{\"a\":1}"))
                .isNotEqualTo(HamsaWebhookService.dedupKey(id, update, "{\"a\":2}"))
                .isEqualTo(HamsaWebhookService.dedupKey(id, update, "{\"a\":1}"))
                .startsWith(id + "|transcription.update|2024-01-15T14:35:00Z|");
        assertThat(HamsaWebhookService.dedupKey(id, update, null)).isEqualTo(id + "|transcription.update|2024-01-15T14:35:00Z");
        HamsaEvent tool = CallFixtures.event(HamsaEvent.TOOL_EXECUTED, at, Map.of());
        assertThat(HamsaWebhookService.dedupKey(id, tool, "{\"tool\":1}"))
                .as("two tools run in one millisecond are two events")
                .isNotEqualTo(HamsaWebhookService.dedupKey(id, tool, "{\"tool\":2}"));
    }

    @Test
    void an_envelope_that_is_not_one_is_refused_as_invalid_and_nothing_is_stored() {
        Map<String, Object> envelope = ended(call.id());
        envelope.remove("eventType");
        envelope.put("timestamp", "yesterday");

        assertThatThrownBy(() -> service.receive(delivery(envelope))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("eventType", "timestamp"));
        assertThat(h.inbox.entries()).isEmpty();
    }

    @Test
    void a_stored_delivery_is_applied_to_its_call_by_the_event_workers() {
        service.receive(delivery(ended(call.id())));

        h.events.applyPending(10);

        assertThat(h.stored(call.id()).outcome()).isEqualTo(CallFixtures.outcomeResult());
        assertThat(h.inbox.pending()).extracting(InboxEntry::dedupKey).isEmpty();
    }

    /** The agent-level webhook: one per agent, for the calls Switchboard did not give a webhook of their own. */
    @Nested
    class ForAnAgent {

        private final InMemoryAgentWebhookRegistry registry = new InMemoryAgentWebhookRegistry();
        private final AgentWebhooks webhooks = new AgentWebhooks(registry, CallHarness.POLICY, new SecureRandom(), h.clock);
        private final PlatformWebhook webhook = webhooks.register(h.team);
        private final String webhookId = lastSegment(webhook.url());
        private final String agentBearer = "Bearer " + webhook.secret().reveal();
        private final HamsaWebhookService agentService = new HamsaWebhookService(h.calls, h.inbox, Optional.empty(),
                registry, h.agents, h.clock);

        private static String lastSegment(URI url) {
            String path = url.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        private Map<String, Object> startedOf(String hamsaCallId) {
            Map<String, Object> envelope = CallFixtures.envelope(HamsaEvent.CALL_STARTED, TS, new LinkedHashMap<>());
            envelope.put("callId", hamsaCallId);
            return envelope;
        }

        private HamsaDelivery agentDelivery(Map<String, Object> envelope) {
            // The path names the agent's webhook, not a call: the delivery's callId is not used.
            return new HamsaDelivery(null, agentBearer, () -> envelope, bodyOf(envelope));
        }

        private WebhookReceipt receive(Map<String, Object> envelope) {
            return agentService.receiveForAgent(webhookId, agentDelivery(envelope));
        }

        private List<Call> teamsCalls() {
            return h.calls.list(h.team, CallFilter.none(), PageRequest.first(100)).items();
        }

        private void assertRefusedForAgent(HamsaWebhookService receiver, String id, HamsaDelivery delivery,
                                           Reason reason) {
            int callsBefore = teamsCalls().size();
            assertThatThrownBy(() -> receiver.receiveForAgent(id, delivery))
                    .isInstanceOfSatisfying(WebhookRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
            assertThat(h.inbox.entries()).as("nothing stored").isEmpty();
            assertThat(teamsCalls()).as("nothing adopted").hasSize(callsBefore);
        }

        @Test
        void the_webhooks_url_names_the_stored_webhook_that_holds_its_secrets_digest() {
            assertThat(webhook.url()).isEqualTo(URI.create("https://switchboard.example/base/webhooks/hamsa/agents/"
                    + webhookId));
            assertThat(registry.find(AgentWebhookId.parse(webhookId).orElseThrow())).hasValueSatisfying(stored -> {
                assertThat(stored.team()).isEqualTo(h.team);
                assertThat(stored.secretDigest()).isEqualTo(webhook.secret().digest());
                assertThat(stored.createdAt()).isEqualTo(h.clock.instant());
            });
        }

        @Test
        void an_unknown_or_unreadable_webhook_id_gets_the_answer_of_a_wrong_secret_before_the_body_is_read() {
            for (String id : Arrays.asList(AgentWebhookId.newId().toString(), "not-a-uuid", "", null, call.id().toString())) {
                assertRefusedForAgent(agentService, id, new HamsaDelivery(null, agentBearer, MUST_NOT_PARSE, "{}"),
                        Reason.BAD_CREDENTIALS);
            }
        }

        @Test
        void wrong_or_missing_credentials_are_refused_before_the_body_is_read() {
            PlatformWebhook another = webhooks.register(h.team);

            for (String authorization : Arrays.asList(null, "", "Bearer", "Bearer wrong", "Basic " + webhook.secret().reveal(),
                    "Bearer " + another.secret().reveal(), bearer, "Bearer " + webhook.secret().digest())) {
                assertRefusedForAgent(agentService, webhookId, new HamsaDelivery(null, authorization, MUST_NOT_PARSE, "{}"),
                        Reason.BAD_CREDENTIALS);
            }
        }

        @Test
        void a_receiver_built_without_agent_webhooks_refuses_every_agent_delivery_as_bad_credentials() {
            assertRefusedForAgent(service, webhookId, new HamsaDelivery(null, agentBearer, MUST_NOT_PARSE, "{}"),
                    Reason.BAD_CREDENTIALS);
        }

        @Test
        void an_event_naming_no_agent_or_no_call_is_invalid_and_names_what_is_missing() {
            Map<String, Object> noAgent = startedOf("call_x");
            noAgent.remove("agentId");
            Map<String, Object> noCall = startedOf("call_x");
            noCall.remove("callId");
            Map<String, Object> neither = startedOf("call_x");
            neither.remove("agentId");
            neither.remove("callId");

            for (var expected : List.of(Map.entry(noAgent, List.of("agentId")), Map.entry(noCall, List.of("callId")),
                    Map.entry(neither, List.of("agentId", "callId")))) {
                assertThatThrownBy(() -> receive(expected.getKey()))
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                                .extracting(FieldViolation::field).containsExactlyElementsOf(expected.getValue()));
            }
            assertThat(h.inbox.entries()).isEmpty();
            assertThat(teamsCalls()).containsExactly(h.stored(call.id()));
        }

        @Test
        void an_envelope_that_is_not_one_is_refused_as_invalid() {
            Map<String, Object> envelope = startedOf("call_x");
            envelope.remove("eventType");

            assertThatThrownBy(() -> receive(envelope)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.violations()).extracting(FieldViolation::field).contains("eventType"));
            assertThat(h.inbox.entries()).isEmpty();
        }

        @Test
        void an_event_naming_another_project_is_a_mismatch_when_the_project_is_configured() {
            HamsaWebhookService strict = new HamsaWebhookService(h.calls, h.inbox, Optional.of(CallFixtures.HAMSA_PROJECT),
                    registry, h.agents, h.clock);
            Map<String, Object> envelope = startedOf("call_from_the_dashboard");
            envelope.put("projectId", "proj_other");

            assertRefusedForAgent(strict, webhookId, agentDelivery(envelope), Reason.MISMATCH);
            assertThat(strict.receiveForAgent(webhookId, agentDelivery(startedOf("call_from_the_dashboard"))).duplicate())
                    .as("our project is taken").isFalse();
            Map<String, Object> otherProject = startedOf("call_of_the_other_project");
            otherProject.put("projectId", "proj_other");
            assertThat(receive(otherProject).duplicate()).as("no project configured: any is taken").isFalse();
        }

        @Test
        void an_event_naming_no_agent_of_the_webhooks_team_is_a_mismatch() {
            TeamId otherTeam = TeamId.newId();
            h.agents.insert(CallFixtures.agent(otherTeam, "agent_of_another_team", CallHarness.T0));
            Map<String, Object> unknownAgent = startedOf("call_x");
            unknownAgent.put("agentId", "agent_nobody_has");
            Map<String, Object> theirAgent = startedOf("call_x");
            theirAgent.put("agentId", "agent_of_another_team");

            assertRefusedForAgent(agentService, webhookId, agentDelivery(unknownAgent), Reason.MISMATCH);
            assertRefusedForAgent(agentService, webhookId, agentDelivery(theirAgent), Reason.MISMATCH);
            assertThat(h.calls.list(otherTeam, CallFilter.none(), PageRequest.first(10)).items()).isEmpty();
        }

        @Test
        void another_teams_webhook_cannot_deliver_the_events_of_this_teams_agent() {
            PlatformWebhook theirs = webhooks.register(TeamId.newId());

            assertRefusedForAgent(agentService, lastSegment(theirs.url()), new HamsaDelivery(null,
                    "Bearer " + theirs.secret().reveal(), () -> startedOf("call_x"), "{}"), Reason.MISMATCH);
        }

        @Test
        void an_event_of_a_call_switchboard_placed_is_stored_under_that_call_and_adopts_nothing() {
            Map<String, Object> envelope = ended(call.id());

            WebhookReceipt receipt = receive(envelope);

            assertThat(receipt.callId()).isEqualTo(call.id());
            assertThat(receipt.duplicate()).isFalse();
            assertThat(receipt.dedupKey()).isEqualTo(call.id() + "|call.ended|2024-01-15T14:35:00Z");
            assertThat(teamsCalls()).extracting(Call::id).containsExactly(call.id());
            assertThat(h.inbox.pending()).singleElement().satisfies(e -> {
                assertThat(e.callId()).isEqualTo(call.id());
                assertThat(e.body()).isEqualTo(bodyOf(envelope));
            });
        }

        @Test
        void an_event_naming_a_placed_calls_conversation_id_is_stored_under_that_call() {
            h.calls.save(h.stored(call.id()).apply(CallFixtures.event(HamsaEvent.CALL_ENDED, Instant.parse(TS),
                    CallFixtures.endedPayload(call.id())), h.clock.instant()).call());
            assertThat(h.stored(call.id()).hamsaConversationId()).isEqualTo(CallFixtures.CONVERSATION);

            WebhookReceipt receipt = receive(startedOf(CallFixtures.CONVERSATION));

            assertThat(receipt.callId()).isEqualTo(call.id());
            assertThat(teamsCalls()).extracting(Call::id).containsExactly(call.id());
        }

        @Test
        void one_event_arriving_on_the_calls_webhook_and_on_its_agents_is_stored_once() {
            Map<String, Object> envelope = ended(call.id());

            WebhookReceipt perCall = service.receive(delivery(envelope));
            WebhookReceipt perAgent = receive(envelope);

            assertThat(perCall.duplicate()).isFalse();
            assertThat(perAgent.duplicate()).isTrue();
            assertThat(perAgent.dedupKey()).isEqualTo(perCall.dedupKey());
            assertThat(h.inbox.entries()).hasSize(1);
        }

        @Test
        void an_event_of_a_call_switchboard_never_placed_adopts_it_for_the_agents_team() {
            h.clock.advance(java.time.Duration.ofSeconds(7));

            WebhookReceipt receipt = receive(startedOf("call_from_the_dashboard"));

            assertThat(receipt.callId()).isNotEqualTo(call.id());
            assertThat(receipt.duplicate()).isFalse();
            assertThat(receipt.dedupKey()).isEqualTo(receipt.callId() + "|call.started|2024-01-15T14:35:00Z");
            Call adopted = h.stored(receipt.callId());
            assertThat(adopted.team()).isEqualTo(h.team);
            assertThat(adopted.agentId()).isEqualTo(h.agent.id());
            assertThat(adopted.hamsaAgentId()).isEqualTo(h.agent.hamsaAgentId());
            assertThat(adopted.hamsaCallId()).isEqualTo("call_from_the_dashboard");
            assertThat(adopted.status()).isEqualTo(CallStatus.DISPATCHED);
            assertThat(adopted.channel()).isEqualTo(CallChannel.PHONE);
            assertThat(adopted.createdAt()).isEqualTo(h.clock.instant());
            assertThat(adopted.timeline()).extracting(TimelineEntry::event).containsExactly("adopted");
            assertThat(h.calls.findById(h.team, adopted.id())).contains(adopted);
            assertThat(h.calls.job(adopted.id())).as("Hamsa has it: nothing to dispatch").isEmpty();
            assertThat(h.inbox.pending()).singleElement().satisfies(e -> assertThat(e.callId()).isEqualTo(adopted.id()));
        }

        @Test
        void a_call_is_adopted_as_a_web_conversation_when_its_event_says_web() {
            Map<String, Object> web = CallFixtures.envelope(HamsaEvent.CALL_STARTED, TS,
                    new LinkedHashMap<>(Map.of("channelType", "web")));
            web.put("callId", "web_call");
            Map<String, Object> upper = CallFixtures.envelope(HamsaEvent.CALL_STARTED, TS,
                    new LinkedHashMap<>(Map.of("channelType", "WEB")));
            upper.put("callId", "web_call_upper");
            Map<String, Object> phone = CallFixtures.envelope(HamsaEvent.CALL_STARTED, TS,
                    new LinkedHashMap<>(Map.of("channelType", "PHONE")));
            phone.put("callId", "phone_call");

            assertThat(h.stored(receive(web).callId()).channel()).isEqualTo(CallChannel.WEB);
            assertThat(h.stored(receive(upper).callId()).channel()).isEqualTo(CallChannel.WEB);
            assertThat(h.stored(receive(phone).callId()).channel()).isEqualTo(CallChannel.PHONE);
            assertThat(h.stored(receive(startedOf("no_channel")).callId()).channel()).isEqualTo(CallChannel.PHONE);
        }

        @Test
        void two_deliveries_of_one_event_of_an_unknown_call_adopt_it_once_and_store_the_event_once() {
            Map<String, Object> envelope = startedOf("call_from_the_dashboard");

            WebhookReceipt first = receive(envelope);
            WebhookReceipt second = receive(envelope);

            assertThat(second.callId()).isEqualTo(first.callId());
            assertThat(first.duplicate()).isFalse();
            assertThat(second.duplicate()).isTrue();
            assertThat(second.dedupKey()).isEqualTo(first.dedupKey());
            assertThat(h.inbox.entries()).hasSize(1);
            assertThat(teamsCalls()).extracting(Call::id).containsExactlyInAnyOrder(call.id(), first.callId());
        }

        @Test
        void later_events_of_an_adopted_call_are_stored_under_it() {
            WebhookReceipt started = receive(startedOf("call_from_the_dashboard"));
            Map<String, Object> answered = CallFixtures.envelope(HamsaEvent.CALL_ANSWERED, "2024-01-15T14:35:05Z",
                    Map.of());
            answered.put("callId", "call_from_the_dashboard");

            WebhookReceipt next = receive(answered);

            assertThat(next.callId()).isEqualTo(started.callId());
            assertThat(next.duplicate()).isFalse();
            assertThat(h.inbox.entries()).hasSize(2);
        }

        @Test
        void an_adopted_calls_events_are_applied_by_the_event_workers() {
            Map<String, Object> ended = CallFixtures.envelope(HamsaEvent.CALL_ENDED, TS, CallFixtures.endedPayload(call.id()));
            ended.put("callId", "call_from_the_dashboard");

            CallId adopted = receive(ended).callId();
            h.events.applyPending(10);

            Call done = h.stored(adopted);
            assertThat(done.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(done.outcome()).isEqualTo(CallFixtures.outcomeResult());
            assertThat(done.timeline()).extracting(TimelineEntry::event)
                    .containsExactlyInAnyOrder("adopted", "call.ended");
            assertThat(done.timeline()).as("by time: Hamsa's event came before Switchboard heard of the call")
                    .isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::at));
        }

        @Test
        void an_adopted_call_has_no_secret_of_its_own_so_its_id_is_refused_on_the_per_call_route() {
            CallId adopted = receive(startedOf("call_from_the_dashboard")).callId();

            assertThat(h.calls.webhookTarget(adopted)).isEmpty();
            for (String authorization : Arrays.asList(agentBearer, bearer, null)) {
                assertThatThrownBy(() -> service.receive(new HamsaDelivery(adopted.toString(), authorization,
                        MUST_NOT_PARSE, "{}"))).isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CREDENTIALS));
            }
        }
    }
}
