package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeQuotaExceededException;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import dev.switchboard.domain.port.out.KnowledgeItemRepositoryContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryKnowledgeItemRepositoryTest extends KnowledgeItemRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    private final InMemoryKnowledgeItemRepository repository = new InMemoryKnowledgeItemRepository();

    @Override
    protected KnowledgeItemRepository repository() {
        return repository;
    }

    @Override
    protected void clear() {
        repository.clear();
    }

    @Override
    protected TeamId team(TeamId id) {
        return id;
    }

    @Test
    void a_cursor_of_another_repositorys_shape_is_refused() {
        String voiceAgentShaped = T0 + "|" + UUID.randomUUID();

        assertThatThrownBy(() -> repository.list(team, new PageRequest(5, Optional.of(voiceAgentShaped))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
    }

    @Test
    void uploads_racing_for_the_last_bytes_do_not_both_pass() throws Exception {
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                KnowledgeItem item = item(team, 200, T0);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        repository.reserve(item, BUDGET, ACCOUNT);
                        return true;
                    } catch (KnowledgeQuotaExceededException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> result : results) {
                passed += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(passed).isEqualTo(1);
            assertThat(repository.storage(team, BUDGET, ACCOUNT).teamUsedBytes()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
