package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformCallRequest;
import dev.switchboard.domain.model.PlatformConversation;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeCallPlatformTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final HamsaAgentId AGENT = new HamsaAgentId("agent-1");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeCallPlatform platform = new FakeCallPlatform(clock);

    private static PlatformCallRequest request(HamsaAgentId agent, CallId id) {
        return new PlatformCallRequest(agent, "+1555", null, Map.of(Call.CORRELATION_PARAM, id.toString()),
                URI.create("https://sb.example/webhooks/hamsa/calls/" + id), WebhookSecret.of("s"));
    }

    @Test
    void placed_calls_are_recorded_and_found_by_their_correlation_key() {
        CallId id = CallId.newId();
        String placed = platform.placeCall(request(AGENT, id));

        assertThat(placed).isEqualTo("job-1");
        assertThat(platform.placed()).singleElement().satisfies(p -> assertThat(p.request().params())
                .containsEntry(Call.CORRELATION_PARAM, id.toString()));
        assertThat(platform.findCall(AGENT, id, T0)).contains("job-1");
        assertThat(platform.findCall(AGENT, CallId.newId(), T0)).isEmpty();
        assertThat(platform.findCall(new HamsaAgentId("agent-2"), id, T0)).isEmpty();
        assertThat(platform.findCall(AGENT, id, T0.plusSeconds(1))).as("placed before since").isEmpty();
    }

    @Test
    void it_fails_the_next_placements_it_is_told_to_and_places_nothing_then() {
        PlatformException down = new PlatformException(PlatformFailure.UNAVAILABLE, "10503", "down");
        platform.failNextPlacements(2, down);

        assertThatThrownBy(() -> platform.placeCall(request(AGENT, CallId.newId()))).isSameAs(down);
        assertThatThrownBy(() -> platform.placeCall(request(AGENT, CallId.newId()))).isSameAs(down);
        assertThat(platform.placed()).isEmpty();
        assertThat(platform.placeCall(request(AGENT, CallId.newId()))).isEqualTo("job-1");
        assertThat(platform.operations()).containsExactly("placeCall", "placeCall", "placeCall");
    }

    @Test
    void place_then_time_out_places_the_call_and_throws_a_timeout_that_may_have_taken_effect() {
        CallId id = CallId.newId();
        platform.placeThenTimeOutNext();

        assertThatThrownBy(() -> platform.placeCall(request(AGENT, id)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PlatformFailure.TIMEOUT);
                    assertThat(e.mayHaveTakenEffect()).isTrue();
                });
        assertThat(platform.findCall(AGENT, id, T0)).contains("job-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(platform.placeCall(request(AGENT, CallId.newId()))).isEqualTo("job-2");
    }

    @Test
    void opened_web_conversations_are_recorded_and_found_by_their_correlation_key_but_never_placed() {
        CallId id = CallId.newId();

        String jobId = platform.initConversation(AGENT, Map.of(Call.CORRELATION_PARAM, id.toString(), "a", 1));

        assertThat(jobId).isEqualTo("web-job-1");
        assertThat(platform.opened()).singleElement().satisfies(w -> {
            assertThat(w.agent()).isEqualTo(AGENT);
            assertThat(w.params()).containsEntry(Call.CORRELATION_PARAM, id.toString()).containsEntry("a", 1);
            assertThat(w.at()).isEqualTo(T0);
        });
        assertThat(platform.placed()).isEmpty();
        assertThat(platform.findCall(AGENT, id, T0)).contains("web-job-1");
        assertThat(platform.findCall(new HamsaAgentId("agent-2"), id, T0)).isEmpty();
        assertThat(platform.findCall(AGENT, id, T0.plusSeconds(1))).as("opened before since").isEmpty();
        assertThat(platform.operations()).containsExactly("initConversation", "findCall", "findCall", "findCall");
    }

    @Test
    void opening_fails_as_placing_does_and_may_open_then_time_out() {
        PlatformException down = new PlatformException(PlatformFailure.UNAVAILABLE, "10503", "down");
        platform.failNextPlacements(1, down);
        CallId id = CallId.newId();

        assertThatThrownBy(() -> platform.initConversation(AGENT, Map.of())).isSameAs(down);
        assertThat(platform.opened()).isEmpty();
        platform.placeThenTimeOutNext();
        assertThatThrownBy(() -> platform.initConversation(AGENT, Map.of(Call.CORRELATION_PARAM, id.toString())))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PlatformFailure.TIMEOUT);
                    assertThat(e.mayHaveTakenEffect()).isTrue();
                });
        assertThat(platform.findCall(AGENT, id, T0)).contains("web-job-1");
        assertThat(platform.initConversation(AGENT, Map.of())).isEqualTo("web-job-2");
    }

    @Test
    void a_conversation_is_what_was_set_or_not_found() {
        platform.setConversation(new PlatformConversation("job-9", "COMPLETED", null, Map.of("callDuration", 3)));

        assertThat(platform.conversation("job-9").fields()).containsEntry("callDuration", 3);
        assertThatThrownBy(() -> platform.conversation("job-404")).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(PlatformFailure.NOT_FOUND));
        platform.failNextConversation(new PlatformException(PlatformFailure.UNAVAILABLE, null, "down"));
        assertThatThrownBy(() -> platform.conversation("job-9")).isInstanceOf(PlatformException.class);
        assertThat(platform.conversation("job-9").status()).isEqualTo("COMPLETED");
    }
}
