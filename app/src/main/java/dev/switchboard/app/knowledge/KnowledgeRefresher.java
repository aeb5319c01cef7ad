package dev.switchboard.app.knowledge;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.StorageUnavailableException;
import dev.switchboard.domain.port.in.RefreshKnowledgeItemsUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Asks Hamsa, every few seconds, about the items it is still processing, so a team's read shows Hamsa's status
 * without waiting on Hamsa. Quarkus' scheduler is enough here, unlike for the call workers: processing takes
 * seconds to minutes, and a second's granularity is none of anyone's concern. Every replica runs it; their
 * answers meet in versioned updates, so one stored change per item comes of it.
 */
@Singleton
public class KnowledgeRefresher {

    private static final Logger LOG = Logger.getLogger(KnowledgeRefresher.class);

    private final RefreshKnowledgeItemsUseCase refresh;
    private final int batch;
    private final Counter refreshed;

    KnowledgeRefresher(RefreshKnowledgeItemsUseCase refresh, SwitchboardConfig config, MeterRegistry metrics) {
        this.refresh = refresh;
        this.batch = config.knowledge().refreshBatch();
        this.refreshed = Counter.builder("switchboard.knowledge.items.refreshed")
                .description("Knowledge items whose status changed as Hamsa reported it").register(metrics);
    }

    @Scheduled(identity = "knowledge-refresh", every = "${switchboard.knowledge.refresh-every}",
            delayed = "${switchboard.knowledge.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            refreshed.increment(refresh.refreshSettling(batch));
        } catch (StorageUnavailableException e) {
            LOG.debugf("Knowledge refresh skipped, Postgres unavailable: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Knowledge refresh failed; the next one tries again", e);
        }
    }
}
