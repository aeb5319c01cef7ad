package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.model.WebToolKind;
import dev.switchboard.domain.model.WebToolNotFoundException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebToolRepository} must do. Extended by the in-memory fake and by the Postgres
 * adapter's test, so the fake the domain tests rely on behaves like the real thing.
 */
public abstract class WebToolRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    protected TeamId team;
    protected TeamId otherTeam;

    protected abstract WebToolRepository repository();

    /** Leaves the repository empty. */
    protected abstract void clear();

    /** Makes a team tools can belong to (a real adapter may need the team to exist). */
    protected abstract TeamId team(TeamId id);

    @BeforeEach
    void startEmpty() {
        clear();
        team = team(TeamId.newId());
        otherTeam = team(TeamId.newId());
    }

    protected static WebToolDefinition definition(String name) {
        Map<String, Object> params = Map.of("type", "object",
                "properties", Map.of("city", Map.of("type", "string", "description", "Where")),
                "required", List.of("city"));
        return new WebToolDefinition(WebToolKind.FUNCTION, name, "Looks up the weather",
                "https://tools.example.com/weather", ToolHttpMethod.GET, 15,
                Map.of("X-Api-Version", "2"), Map.of("region", "eu"), params);
    }

    protected static WebTool tool(TeamId owner, String name, String sealedToken, Instant createdAt) {
        return new WebTool(WebToolId.newId(), owner, "h-" + UUID.randomUUID(), definition(name), sealedToken, true,
                createdAt, createdAt, 1);
    }

    protected WebTool stored(String name, Instant createdAt) {
        WebTool tool = tool(team, name, null, createdAt);
        repository().insert(tool);
        return tool;
    }

    @Test
    void a_stored_tool_is_found_by_id_exactly_as_stored() {
        WebTool tool = tool(team, "weather", null, T0);
        repository().insert(tool);

        assertThat(repository().findById(team, tool.id())).contains(tool);
    }

    @Test
    void an_mcp_tool_without_description_is_read_back_as_stored() {
        WebTool tool = new WebTool(WebToolId.newId(), team, "h-mcp", new WebToolDefinition(WebToolKind.MCP, "mcp_server",
                null, "https://mcp.example.com/sse", null, 30, null, null, null), null, false, T0, T0, 1);
        repository().insert(tool);

        assertThat(repository().findById(team, tool.id())).contains(tool);
    }

    @Test
    void the_sealed_token_is_stored_and_read_back_as_it_was() {
        String sealed = "sealed:v1:" + UUID.randomUUID() + ":+/=";
        WebTool tool = tool(team, "with_token", sealed, T0);
        repository().insert(tool);

        WebTool read = repository().findById(team, tool.id()).orElseThrow();

        assertThat(read.sealedAuthToken()).isEqualTo(sealed);
        assertThat(read.hasAuthToken()).isTrue();
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertThat(repository().findById(team, WebToolId.newId())).isEmpty();
    }

    @Test
    void the_next_version_replaces_the_stored_one() {
        WebTool tool = stored("weather", T0);
        WebTool next = tool.withDefinition(definition("weather_v2"), "sealed-new", T0.plusSeconds(5));

        repository().update(next);

        assertThat(repository().findById(team, tool.id())).contains(next);
        assertThat(repository().findByName(team, "weather_v2")).contains(next);
        assertThat(repository().findByName(team, "weather")).isEmpty();
    }

    @Test
    void a_cleared_token_is_stored_as_none() {
        WebTool tool = tool(team, "weather", "sealed-old", T0);
        repository().insert(tool);
        WebTool next = tool.withDefinition(tool.definition(), null, T0.plusSeconds(1));

        repository().update(next);

        assertThat(repository().findById(team, tool.id()).orElseThrow().hasAuthToken()).isFalse();
    }

    @Test
    void a_write_based_on_a_stale_version_is_refused_and_changes_nothing() {
        WebTool tool = stored("weather", T0);
        WebTool winner = tool.withActive(false, T0.plusSeconds(1));
        repository().update(winner);
        WebTool loser = tool.withDefinition(definition("late"), null, T0.plusSeconds(2));

        assertThatThrownBy(() -> repository().update(loser)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repository().findById(team, tool.id())).contains(winner);
    }

    @Test
    void updating_a_tool_that_was_never_stored_is_not_found() {
        WebTool ghost = tool(team, "ghost", null, T0).withActive(false, T0);

        assertThatThrownBy(() -> repository().update(ghost)).isInstanceOf(WebToolNotFoundException.class);
    }

    @Test
    void a_tool_is_found_by_its_name_in_its_team_only() {
        WebTool ours = stored("lookup", T0);
        WebTool theirs = tool(otherTeam, "lookup", null, T0);
        repository().insert(theirs);

        assertThat(repository().findByName(team, "lookup")).contains(ours);
        assertThat(repository().findByName(otherTeam, "lookup")).contains(theirs);
        assertThat(repository().findByName(team, "unknown")).isEmpty();
    }

    @Test
    void another_teams_tool_is_found_neither_by_id_nor_by_name_nor_in_lists() {
        WebTool theirs = tool(otherTeam, "theirs", null, T0);
        repository().insert(theirs);

        assertThat(repository().findById(team, theirs.id())).isEmpty();
        assertThat(repository().findByName(team, "theirs")).isEmpty();
        assertThat(repository().list(team, PageRequest.first(10)).items()).isEmpty();
        assertThat(repository().findById(otherTeam, theirs.id())).contains(theirs);
    }

    @Test
    void pages_walk_every_tool_once_oldest_first() {
        List<WebTool> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(stored("tool_" + i, T0.plus(i / 2, ChronoUnit.MICROS)));
        }

        List<WebTool> seen = new ArrayList<>();
        Page<WebTool> page = repository().list(team, PageRequest.first(3));
        seen.addAll(page.items());
        int pages = 1;
        while (page.nextCursor().isPresent()) {
            page = repository().list(team, new PageRequest(3, page.nextCursor()));
            seen.addAll(page.items());
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        assertThat(seen).isSortedAccordingTo((a, b) -> {
            int byTime = a.createdAt().compareTo(b.createdAt());
            return byTime != 0 ? byTime : a.id().toString().compareTo(b.id().toString());
        });
    }

    @Test
    void the_last_full_page_has_no_next_cursor_and_an_empty_list_is_one_empty_page() {
        assertThat(repository().list(team, PageRequest.first(2))).isEqualTo(new Page<>(List.of(), Optional.empty()));

        stored("a", T0);
        stored("b", T0.plusSeconds(1));
        Page<WebTool> page = repository().list(team, PageRequest.first(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void a_cursor_this_repository_did_not_issue_is_invalid_input() {
        assertThatThrownBy(() -> repository().list(team, new PageRequest(5, Optional.of("not-a-cursor"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
    }
}
