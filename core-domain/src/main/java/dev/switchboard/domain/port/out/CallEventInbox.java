package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import java.time.Duration;

/**
 * Events about calls, stored durably before they are acknowledged and applied to their calls afterwards, by
 * workers on any replica. Each dedup key is stored once, so a repeated event is never applied twice.
 */
public interface CallEventInbox {

    /**
     * Stores the entry, committed before this returns, unless an entry with its dedup key is already there.
     *
     * @return true if it is new, false for a repeat (nothing stored)
     * @throws dev.switchboard.domain.model.StorageUnavailableException if the database cannot be reached
     */
    boolean accept(InboxEntry entry);

    /** What one event does to its call. */
    @FunctionalInterface
    interface Applier {
        /** @return the call's next version */
        Call apply(Call current, HamsaEvent event);
    }

    /** When an event that failed to apply is tried again, and after how many failures it is dead-lettered. */
    record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
    }

    /** What one {@link #applyPending} pass did. */
    record ApplyReport(int applied, int failed, int deadLettered) {
        public int handled() {
            return applied + failed + deadLettered;
        }
    }

    /**
     * Applies up to {@code max} due events, oldest first. Each is applied in its own transaction with its call
     * locked, so two workers never apply events of one call at once, and an event is marked applied in the same
     * transaction that stores the call. An event whose apply throws is tried again later; after
     * {@code policy.maxAttempts()} failures it moves to the dead letters with its last error.
     */
    ApplyReport applyPending(int max, Applier applier, RetryPolicy policy);

    /** Dead-lettered events, oldest first. */
    Page<DeadLetter> deadLetters(PageRequest request);

    /** Puts one dead letter back in the inbox, due now, with its attempts reset; false if there is no such dead letter. */
    boolean replay(long deadLetterId);

    /** Puts every dead letter back; returns how many. */
    int replayAll();
}
