package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.RecordedResponse;
import dev.switchboard.domain.model.TeamId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do; extended by the in-memory fake and by the Redis adapter's test. */
public abstract class IdempotencyStoreContract {

    protected static final Duration LEASE = Duration.ofMinutes(2);
    protected static final Duration RETENTION = Duration.ofHours(24);

    protected abstract IdempotencyStore store();

    /** Lets {@code d} pass, as far as the store's expiry is concerned. */
    protected abstract void let(Duration d) throws InterruptedException;

    private final TeamId team = TeamId.newId();

    private IdempotencyKey key() {
        return new IdempotencyKey(team, "key-" + UUID.randomUUID());
    }

    private static RecordedResponse answer(String body) {
        return new RecordedResponse(201, "application/json", "http://x/api/v1/agents/1", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_first_claim_takes_the_key_and_a_second_sees_it_running() {
        IdempotencyKey key = key();

        assertThat(store().claim(key, "fp-1", "t1", LEASE)).isEmpty();
        assertThat(store().claim(key, "fp-1", "t2", LEASE))
                .hasValueSatisfying(e -> {
                    assertThat(e.fingerprint()).isEqualTo("fp-1");
                    assertThat(e.response()).isEmpty();
                });
    }

    @Test
    void a_completed_key_gives_back_the_answer_byte_for_byte() {
        IdempotencyKey key = key();
        store().claim(key, "fp-1", "t1", LEASE);
        RecordedResponse answer = answer("{\"id\":\"1\",\"name\":\"Ada \u00e9\"}");

        assertThat(store().complete(key, "t1", answer, RETENTION)).isTrue();

        assertThat(store().claim(key, "fp-1", "t2", LEASE))
                .hasValueSatisfying(e -> assertThat(e.response()).contains(answer));
    }

    @Test
    void a_claim_with_another_fingerprint_is_told_the_first_one() {
        IdempotencyKey key = key();
        store().claim(key, "fp-1", "t1", LEASE);

        assertThat(store().claim(key, "fp-2", "t2", LEASE)).map(IdempotencyStore.Entry::fingerprint).contains("fp-1");
    }

    @Test
    void only_the_holder_of_the_claim_can_complete_or_release_it() {
        IdempotencyKey key = key();
        store().claim(key, "fp-1", "t1", LEASE);

        assertThat(store().complete(key, "intruder", answer("{}"), RETENTION)).isFalse();
        store().release(key, "intruder");

        assertThat(store().claim(key, "fp-1", "t2", LEASE)).hasValueSatisfying(e -> assertThat(e.response()).isEmpty());
    }

    @Test
    void a_released_key_can_be_claimed_again() {
        IdempotencyKey key = key();
        store().claim(key, "fp-1", "t1", LEASE);

        store().release(key, "t1");

        assertThat(store().claim(key, "fp-2", "t2", LEASE)).isEmpty();
    }

    @Test
    void a_completed_key_is_not_released() {
        IdempotencyKey key = key();
        store().claim(key, "fp-1", "t1", LEASE);
        store().complete(key, "t1", answer("{}"), RETENTION);

        store().release(key, "t1");

        assertThat(store().claim(key, "fp-1", "t2", LEASE)).hasValueSatisfying(e -> assertThat(e.response()).isPresent());
    }

    @Test
    void a_claim_whose_lease_ran_out_frees_the_key() throws InterruptedException {
        IdempotencyKey key = key();
        store().claim(key, "fp-1", "t1", Duration.ofMillis(300));

        let(Duration.ofMillis(600));

        assertThat(store().claim(key, "fp-1", "t2", LEASE)).isEmpty();
        assertThat(store().complete(key, "t1", answer("{}"), RETENTION)).isFalse();
    }

    @Test
    void the_same_key_in_two_teams_is_two_keys() {
        String value = "shared-" + UUID.randomUUID();
        IdempotencyKey ours = new IdempotencyKey(team, value);
        IdempotencyKey theirs = new IdempotencyKey(TeamId.newId(), value);

        assertThat(store().claim(ours, "fp-1", "t1", LEASE)).isEmpty();
        assertThat(store().claim(theirs, "fp-2", "t2", LEASE)).isEmpty();
    }

    @Test
    void of_many_simultaneous_claims_exactly_one_takes_the_key() throws Exception {
        IdempotencyKey key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<IdempotencyStore.Entry>>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String token = "t" + i;
                claims.add(() -> store().claim(key, "fp-1", token, LEASE));
            }
            long winners = 0;
            for (Future<Optional<IdempotencyStore.Entry>> f : pool.invokeAll(claims)) {
                if (f.get().isEmpty()) {
                    winners++;
                }
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
