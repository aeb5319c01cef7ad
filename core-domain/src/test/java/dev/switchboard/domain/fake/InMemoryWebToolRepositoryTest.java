package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolNameTakenException;
import dev.switchboard.domain.port.out.WebToolRepository;
import dev.switchboard.domain.port.out.WebToolRepositoryContract;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryWebToolRepositoryTest extends WebToolRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    private final InMemoryWebToolRepository repository = new InMemoryWebToolRepository();

    @Override
    protected WebToolRepository repository() {
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
    void a_second_tool_with_a_name_its_team_uses_is_refused_like_the_unique_index_would() {
        WebTool first = stored("dup", T0);

        assertThatThrownBy(() -> repository.insert(tool(team, "dup", null, T0)))
                .isInstanceOfSatisfying(WebToolNameTakenException.class,
                        e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(repository.list(team, PageRequest.first(10)).items()).containsExactly(first);
    }

    @Test
    void a_cursor_of_another_repositorys_shape_is_refused() {
        String knowledgeShaped = "kb1|" + T0 + "|" + UUID.randomUUID();

        assertThatThrownBy(() -> repository.list(team, new PageRequest(5, Optional.of(knowledgeShaped))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
    }
}
