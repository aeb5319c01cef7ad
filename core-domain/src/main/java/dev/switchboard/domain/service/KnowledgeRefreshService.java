package dev.switchboard.domain.service;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemNotFoundException;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.port.in.RefreshKnowledgeItemsUseCase;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * Brings Switchboard's record of items Hamsa is still processing up to date, so that a team reading an item
 * sees its status and failure reason as Hamsa reports them without its read waiting on Hamsa. Any replica may
 * run it: each change is a versioned update, so two replicas asking at once store Hamsa's answer once.
 */
public final class KnowledgeRefreshService implements RefreshKnowledgeItemsUseCase {

    static final String GONE = "Hamsa no longer has this item";
    private static final System.Logger LOG = System.getLogger(KnowledgeRefreshService.class.getName());

    private final KnowledgeBasePlatform platform;
    private final KnowledgeItemRepository repository;
    private final Clock clock;

    public KnowledgeRefreshService(KnowledgeBasePlatform platform, KnowledgeItemRepository repository, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int refreshSettling(int max) {
        int changed = 0;
        for (KnowledgeItem item : repository.settling(max)) {
            KnowledgeItem next;
            try {
                PlatformKnowledgeItem reported = platform.getItem(item.hamsaItemId());
                if (!item.differsFrom(reported)) {
                    continue;
                }
                next = item.withPlatform(reported, clock.instant());
            } catch (PlatformException e) {
                if (e.failure() != PlatformFailure.NOT_FOUND) {
                    // Hamsa is in trouble: the next pass asks again, and the breaker keeps this one short.
                    LOG.log(System.Logger.Level.DEBUG, "Knowledge refresh stopped: {0}", e.getMessage());
                    return changed;
                }
                next = item.failed(GONE, clock.instant());
            }
            try {
                repository.update(next);
                changed++;
            } catch (ConcurrentUpdateException | KnowledgeItemNotFoundException e) {
                // The team changed or deleted it meanwhile; what they did wins, and the next pass looks again.
            }
        }
        return changed;
    }
}
