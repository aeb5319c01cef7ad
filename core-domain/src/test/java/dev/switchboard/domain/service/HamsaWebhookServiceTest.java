package dev.switchboard.domain.service;

import static dev.switchboard.domain.fake.CallFixtures.HAMSA_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.domain.fake.CallFixtures;
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
}
