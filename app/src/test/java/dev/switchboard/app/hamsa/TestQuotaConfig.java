package dev.switchboard.app.hamsa;

import dev.switchboard.app.config.SwitchboardConfig;
import java.time.Duration;

/** Quota settings for plain tests of the queue and the budget. */
record TestQuotaConfig(int limit, Duration window, int headroom, SwitchboardConfig.QuotaMode mode, double fallbackShare,
                       Duration fallbackRecheck) implements SwitchboardConfig.Quota {

    static TestQuotaConfig perReplica(int limit, Duration window) {
        return new TestQuotaConfig(limit, window, 0, SwitchboardConfig.QuotaMode.PER_REPLICA, 1.0, Duration.ofSeconds(5));
    }

    static TestQuotaConfig shared(int limit, Duration window, double fallbackShare, Duration fallbackRecheck) {
        return new TestQuotaConfig(limit, window, 0, SwitchboardConfig.QuotaMode.SHARED, fallbackShare, fallbackRecheck);
    }
}
