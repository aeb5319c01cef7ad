package dev.switchboard.domain.service;

import dev.switchboard.domain.model.Admission;
import dev.switchboard.domain.model.Caller;
import dev.switchboard.domain.model.RequestLimitExceededException;
import dev.switchboard.domain.port.in.AdmitTeamRequestUseCase;
import dev.switchboard.domain.port.out.TeamRequestCounter;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-team request limits over fixed one-minute windows. When the shared counter cannot be reached
 * the request is let through uncounted: the limit protects the service, and refusing every team
 * because Redis blinked would do more harm than a minute without one.
 */
public final class RequestAdmissionService implements AdmitTeamRequestUseCase {

    public static final Duration WINDOW = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(RequestAdmissionService.class.getName());

    private final TeamRequestCounter counter;
    private final int defaultRequestsPerMinute;

    public RequestAdmissionService(TeamRequestCounter counter, int defaultRequestsPerMinute) {
        this.counter = Objects.requireNonNull(counter, "counter");
        if (defaultRequestsPerMinute < 1) {
            throw new IllegalArgumentException("the default limit must be at least 1");
        }
        this.defaultRequestsPerMinute = defaultRequestsPerMinute;
    }

    @Override
    public Admission admit(Caller caller) {
        int limit = caller.ownRequestLimit().orElse(defaultRequestsPerMinute);
        TeamRequestCounter.WindowCount count;
        try {
            count = counter.increment(caller.team(), WINDOW);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Request counter unreachable; admitting team {0} uncounted: {1}",
                    caller.team(), e.toString());
            return new Admission(true, limit, limit, WINDOW, WINDOW, false);
        }
        Admission admission = new Admission(count.count() <= limit, limit, (int) (limit - count.count()),
                count.resetsIn(), WINDOW, true);
        if (!admission.allowed()) {
            throw new RequestLimitExceededException(admission);
        }
        return admission;
    }
}
