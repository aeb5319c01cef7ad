package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.TeamId;
import java.time.Duration;

/** Counts a team's requests per fixed window, across every replica. */
public interface TeamRequestCounter {

    /** @param count requests in this window, this one included; @param resetsIn time until the window ends */
    record WindowCount(long count, Duration resetsIn) {
    }

    /** Counts one request. Throws any runtime exception when the counter cannot be reached. */
    WindowCount increment(TeamId team, Duration window);
}
