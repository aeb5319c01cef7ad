package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TeamNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the team and API-key repositories must do; extended by the fakes' test and by the Postgres adapter's. */
public abstract class TeamRepositoriesContract {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00.654321Z");

    protected abstract TeamRepository teams();

    protected abstract ApiKeyRepository keys();

    private Team storedTeam(String name, Instant at) {
        Team team = new Team(TeamId.newId(), name, null, at);
        teams().insert(team);
        return team;
    }

    private static ApiKey key(TeamId team, Instant at) {
        return new ApiKey(ApiKeyId.newId(), team, "ci", "sbk_abcdef", "hash-" + UUID.randomUUID(),
                EnumSet.of(Scope.AGENTS_READ, Scope.CALLS_WRITE), at, null);
    }

    @Test
    void a_team_reads_back_as_stored_and_its_limit_can_change() {
        Team team = storedTeam("Payments " + UUID.randomUUID(), T0);

        assertThat(teams().findById(team.id())).contains(team);
        Team limited = team.withRequestsPerMinute(42);
        teams().update(limited);
        assertThat(teams().findById(team.id())).contains(limited);
    }

    @Test
    void updating_an_unknown_team_is_not_found() {
        Team ghost = new Team(TeamId.newId(), "Ghost", 5, T0);

        assertThatThrownBy(() -> teams().update(ghost)).isInstanceOf(TeamNotFoundException.class);
    }

    @Test
    void team_pages_walk_every_team_once() {
        List<Team> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(storedTeam("T" + i, T0.plusSeconds(i)));
        }
        List<Team> seen = new ArrayList<>();
        Page<Team> page = teams().list(PageRequest.first(2));
        seen.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = teams().list(new PageRequest(2, page.nextCursor()));
            seen.addAll(page.items());
        }
        assertThat(seen).containsAll(made).doesNotHaveDuplicates();
    }

    @Test
    void a_key_is_found_by_its_hash_and_by_id_within_its_team_only() {
        Team ours = storedTeam("Ours", T0);
        Team theirs = storedTeam("Theirs", T0);
        ApiKey key = key(ours.id(), T0);
        keys().insert(key);

        assertThat(keys().findWithTeamBySecretHash(key.secretHash())).contains(new ApiKeyRepository.KeyAndTeam(key, ours));
        assertThat(keys().findWithTeamBySecretHash("hash-unknown")).isEmpty();
        assertThat(keys().findById(ours.id(), key.id())).contains(key);
        assertThat(keys().findById(theirs.id(), key.id())).isEmpty();
    }

    @Test
    void a_teams_keys_are_listed_oldest_first_and_revocation_is_kept() {
        Team team = storedTeam("Keys", T0);
        ApiKey older = key(team.id(), T0);
        ApiKey newer = key(team.id(), T0.plusSeconds(30));
        keys().insert(newer);
        keys().insert(older);
        keys().insert(key(storedTeam("Other", T0).id(), T0));

        ApiKey revoked = older.revokedAt(T0.plusSeconds(60));
        assertThat(keys().stopEarlier(revoked)).isTrue();

        assertThat(keys().listByTeam(team.id())).containsExactly(revoked, newer);
    }

    @Test
    void a_stop_time_only_moves_earlier_so_of_two_racing_rotations_one_wins() {
        Team team = storedTeam("Rotations", T0);
        ApiKey key = key(team.id(), T0);
        keys().insert(key);

        assertThat(keys().stopEarlier(key.revokedAt(T0.plusSeconds(100)))).isTrue();
        assertThat(keys().stopEarlier(key.revokedAt(T0.plusSeconds(200)))).isFalse();
        assertThat(keys().stopEarlier(key.revokedAt(T0.plusSeconds(50)))).isTrue();

        assertThat(keys().findById(team.id(), key.id())).hasValueSatisfying(
                k -> assertThat(k.revokedAt()).isEqualTo(T0.plusSeconds(50)));
    }
}
