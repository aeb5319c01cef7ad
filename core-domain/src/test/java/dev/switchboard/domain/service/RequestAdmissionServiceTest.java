package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.Admission;
import dev.switchboard.domain.model.ApiKeyId;
import dev.switchboard.domain.model.Caller;
import dev.switchboard.domain.model.RequestLimitExceededException;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.TeamRequestCounter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestAdmissionServiceTest {

    /** Counts in memory; the window never ends within a test. */
    private final Map<TeamId, Long> counts = new HashMap<>();
    private boolean counterDown;
    private final TeamRequestCounter counter = (team, window) -> {
        if (counterDown) {
            throw new IllegalStateException("connection refused");
        }
        return new TeamRequestCounter.WindowCount(counts.merge(team, 1L, Long::sum), Duration.ofSeconds(42));
    };
    private final RequestAdmissionService service = new RequestAdmissionService(counter, 3);

    private static Caller caller(Integer ownLimit) {
        return new Caller(TeamId.newId(), ApiKeyId.newId(), Set.of(Scope.AGENTS_READ), ownLimit);
    }

    @Test
    void a_team_gets_the_default_limit_then_is_refused_with_the_time_to_wait() {
        Caller caller = caller(null);

        assertThat(service.admit(caller).remaining()).isEqualTo(2);
        service.admit(caller);
        Admission last = service.admit(caller);
        assertThat(last.remaining()).isZero();
        assertThat(last.limit()).isEqualTo(3);

        assertThatThrownBy(() -> service.admit(caller)).isInstanceOfSatisfying(RequestLimitExceededException.class, e -> {
            assertThat(e.admission().allowed()).isFalse();
            assertThat(e.admission().resetAfter()).isEqualTo(Duration.ofSeconds(42));
        });
    }

    @Test
    void a_teams_own_limit_overrides_the_default_and_teams_are_counted_apart() {
        Caller generous = caller(5);
        Caller other = caller(null);
        for (int i = 0; i < 5; i++) {
            service.admit(generous);
        }
        assertThatThrownBy(() -> service.admit(generous)).isInstanceOf(RequestLimitExceededException.class);
        assertThat(service.admit(other).allowed()).isTrue();
    }

    @Test
    void an_unreachable_counter_lets_requests_through_uncounted() {
        counterDown = true;

        Admission admission = service.admit(caller(null));

        assertThat(admission.allowed()).isTrue();
        assertThat(admission.counted()).isFalse();
    }
}
