package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.InMemoryApiKeyRepository;
import dev.switchboard.domain.fake.InMemoryTeamRepository;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.ApiKeyNotFoundException;
import dev.switchboard.domain.model.ApiKeyToken;
import dev.switchboard.domain.model.Caller;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.IssuedApiKey;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TeamNotFoundException;
import dev.switchboard.domain.port.in.CreateTeamCommand;
import dev.switchboard.domain.port.in.IssueApiKeyCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamServiceTest {

    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(teams);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private final TeamService service = new TeamService(teams, keys, clock, new SecureRandom());

    private final Team team = service.createTeam(new CreateTeamCommand("Payments", null));

    private IssuedApiKey issue(Scope... scopes) {
        return service.issueKey(new IssueApiKeyCommand(team.id(), "ci", EnumSet.copyOf(List.of(scopes))));
    }

    @Test
    void an_issued_key_authenticates_as_its_team_with_its_scopes() {
        IssuedApiKey issued = issue(Scope.AGENTS_READ, Scope.AGENTS_WRITE);

        assertThat(service.authenticate(issued.token())).contains(
                new Caller(team.id(), issued.key().id(), Set.of(Scope.AGENTS_READ, Scope.AGENTS_WRITE), null));
    }

    @Test
    void only_a_hash_of_the_key_is_stored_and_the_listing_never_holds_the_secret() {
        IssuedApiKey issued = issue(Scope.AGENTS_READ);

        ApiKey stored = keys.listByTeam(team.id()).get(0);
        assertThat(stored.secretHash()).isEqualTo(ApiKeyToken.hash(issued.token())).doesNotContain(issued.token());
        assertThat(stored.prefix()).isEqualTo(issued.token().substring(0, 10));
        assertThat(service.listKeys(team.id()).toString()).doesNotContain(issued.token().substring(10));
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void keys_are_random_and_well_formed() {
        String a = issue(Scope.AGENTS_READ).token();
        String b = issue(Scope.AGENTS_READ).token();

        assertThat(a).isNotEqualTo(b).startsWith("sbk_").hasSize(47);
        assertThat(ApiKeyToken.wellFormed(a)).isTrue();
    }

    @Test
    void malformed_unknown_and_revoked_keys_authenticate_as_no_one() {
        IssuedApiKey issued = issue(Scope.AGENTS_READ);
        service.revokeKey(team.id(), issued.key().id());

        assertThat(service.authenticate(issued.token())).isEmpty();
        assertThat(service.authenticate("sbk_" + "A".repeat(43))).isEmpty();
        assertThat(service.authenticate("not a key")).isEmpty();
        assertThat(service.authenticate(null)).isEmpty();
        assertThat(service.authenticate(issued.token() + "x")).isEmpty();
    }

    @Test
    void a_rotated_key_is_replaced_by_one_with_the_same_scopes_and_works_only_through_the_overlap() {
        IssuedApiKey old = issue(Scope.CALLS_READ);

        IssuedApiKey next = service.rotateKey(team.id(), old.key().id(), Duration.ofMinutes(10));

        assertThat(next.key().scopes()).containsExactly(Scope.CALLS_READ);
        assertThat(service.authenticate(next.token())).isPresent();
        assertThat(service.authenticate(old.token())).isPresent();
        clock.advance(Duration.ofMinutes(10));
        assertThat(service.authenticate(old.token())).isEmpty();
        assertThat(service.authenticate(next.token())).isPresent();
    }

    @Test
    void a_rotation_without_overlap_stops_the_old_key_at_once() {
        IssuedApiKey old = issue(Scope.CALLS_READ);

        service.rotateKey(team.id(), old.key().id(), Duration.ZERO);

        assertThat(service.authenticate(old.token())).isEmpty();
    }

    @Test
    void a_revoked_key_cannot_be_rotated_and_overlaps_are_bounded() {
        IssuedApiKey old = issue(Scope.CALLS_READ);
        assertThatThrownBy(() -> service.rotateKey(team.id(), old.key().id(), Duration.ofDays(8)))
                .isInstanceOf(InvalidInputException.class);
        service.revokeKey(team.id(), old.key().id());

        assertThatThrownBy(() -> service.rotateKey(team.id(), old.key().id(), Duration.ZERO))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void revoking_twice_keeps_the_first_revocation_time() {
        IssuedApiKey issued = issue(Scope.AGENTS_READ);
        ApiKey first = service.revokeKey(team.id(), issued.key().id());
        clock.advance(Duration.ofHours(1));

        ApiKey second = service.revokeKey(team.id(), issued.key().id());

        assertThat(second.revokedAt()).isEqualTo(first.revokedAt());
    }

    @Test
    void another_teams_key_cannot_be_rotated_revoked_or_listed() {
        IssuedApiKey ours = issue(Scope.AGENTS_READ);
        Team other = service.createTeam(new CreateTeamCommand("Other", null));

        assertThatThrownBy(() -> service.revokeKey(other.id(), ours.key().id())).isInstanceOf(ApiKeyNotFoundException.class);
        assertThatThrownBy(() -> service.rotateKey(other.id(), ours.key().id(), Duration.ZERO))
                .isInstanceOf(ApiKeyNotFoundException.class);
        assertThat(service.listKeys(other.id())).isEmpty();
        assertThat(service.authenticate(ours.token())).isPresent();
    }

    @Test
    void keys_for_an_unknown_team_are_refused() {
        assertThatThrownBy(() -> service.issueKey(new IssueApiKeyCommand(TeamId.newId(), "ci", Set.of(Scope.AGENTS_READ))))
                .isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> service.revokeKey(TeamId.newId(), ApiKeyId.newId())).isInstanceOf(TeamNotFoundException.class);
    }

    @Test
    void a_teams_own_limit_reaches_its_callers() {
        IssuedApiKey issued = issue(Scope.AGENTS_READ);

        service.setRequestLimit(team.id(), 30);

        assertThat(service.authenticate(issued.token())).hasValueSatisfying(c -> assertThat(c.ownRequestLimit()).contains(30));
        service.setRequestLimit(team.id(), null);
        assertThat(service.authenticate(issued.token())).hasValueSatisfying(c -> assertThat(c.ownRequestLimit()).isEmpty());
    }

    @Test
    void unknown_scopes_and_bad_names_are_refused_naming_each_field() {
        assertThatThrownBy(() -> Scope.parseAll("scopes", List.of("agents:read", "agents:delete", "root")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).hasSize(2));
        assertThatThrownBy(() -> new CreateTeamCommand(" ", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CreateTeamCommand("ok", 0)).isInstanceOf(InvalidInputException.class);
        assertThat(Scope.parseAll("scopes", List.of("calls:write", "agents:read")))
                .containsExactlyInAnyOrder(Scope.CALLS_WRITE, Scope.AGENTS_READ);
    }
}
