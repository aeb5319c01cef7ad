package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.InMemoryIdempotencyStore;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.IdempotencyClaim;
import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.IdempotencyUnavailableException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.RecordedResponse;
import dev.switchboard.domain.model.TeamId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock);
    private final IdempotencyService service = new IdempotencyService(store, Duration.ofMinutes(2), Duration.ofHours(24));
    private final IdempotencyKey key = new IdempotencyKey(TeamId.newId(), "order-42");
    private final RecordedResponse answer = new RecordedResponse(201, "application/json", null, "{\"id\":1}".getBytes());

    @Test
    void the_same_request_after_completion_is_replayed_for_the_retention_time_then_runs_anew() {
        IdempotencyClaim.Acquired first = (IdempotencyClaim.Acquired) service.claim(key, "fp");
        service.complete(key, first.token(), answer);

        assertThat(service.claim(key, "fp")).isEqualTo(new IdempotencyClaim.Replay(answer));
        clock.advance(Duration.ofHours(24));
        assertThat(service.claim(key, "fp")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @Test
    void the_same_request_while_the_first_runs_is_in_progress_and_a_different_one_is_a_mismatch() {
        service.claim(key, "fp");

        assertThat(service.claim(key, "fp")).isInstanceOf(IdempotencyClaim.InProgress.class);
        assertThat(service.claim(key, "other-fp")).isInstanceOf(IdempotencyClaim.Mismatch.class);
    }

    @Test
    void a_different_request_after_completion_is_a_mismatch_not_a_replay() {
        IdempotencyClaim.Acquired first = (IdempotencyClaim.Acquired) service.claim(key, "fp");
        service.complete(key, first.token(), answer);

        assertThat(service.claim(key, "other-fp")).isInstanceOf(IdempotencyClaim.Mismatch.class);
    }

    @Test
    void a_released_key_lets_the_retry_run() {
        IdempotencyClaim.Acquired first = (IdempotencyClaim.Acquired) service.claim(key, "fp");
        service.release(key, first.token());

        assertThat(service.claim(key, "fp")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @Test
    void a_first_request_that_died_holds_its_key_only_for_the_lease() {
        service.claim(key, "fp");
        clock.advance(Duration.ofMinutes(2));

        assertThat(service.claim(key, "fp")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @Test
    void an_unreachable_store_refuses_the_claim_so_the_work_does_not_run() {
        store.setDown(true);

        assertThatThrownBy(() -> service.claim(key, "fp")).isInstanceOf(IdempotencyUnavailableException.class);
    }

    @Test
    void keys_are_one_to_255_printable_characters() {
        TeamId team = TeamId.newId();
        assertThat(new IdempotencyKey(team, "k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new IdempotencyKey(team, "k".repeat(256))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new IdempotencyKey(team, "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new IdempotencyKey(team, "bad\nkey")).isInstanceOf(InvalidInputException.class);
    }
}
