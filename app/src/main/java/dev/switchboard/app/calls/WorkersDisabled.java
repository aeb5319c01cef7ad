package dev.switchboard.app.calls;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Skips the call workers on a replica configured without them ({@code switchboard.calls.workers-enabled=false}). */
@Singleton
public class WorkersDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    WorkersDisabled(@ConfigProperty(name = "switchboard.calls.workers-enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
