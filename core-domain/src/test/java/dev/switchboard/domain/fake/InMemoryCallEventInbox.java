package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.port.out.CallEventInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox in memory, applying events to the calls of an {@link InMemoryCallRepository}. One dedup key is stored
 * once, ever (applied and dead-lettered entries keep theirs). A failed event is due again after
 * {@code firstDelay} doubled per earlier failure, at most {@code maxDelay}; its {@code maxAttempts}-th failure
 * dead-letters it.
 */
public final class InMemoryCallEventInbox implements CallEventInbox {

    private final InMemoryCallRepository calls;
    private final Clock clock;
    private final List<Stored> entries = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private long sequence;

    public InMemoryCallEventInbox(InMemoryCallRepository calls, Clock clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static final class Stored {
        final long id;
        final InboxEntry entry;
        final Instant receivedAt;
        Instant dueAt;
        int attempts;
        String lastError;
        boolean applied;
        Instant deadAt;

        Stored(long id, InboxEntry entry, Instant receivedAt) {
            this.id = id;
            this.entry = entry;
            this.receivedAt = receivedAt;
            this.dueAt = receivedAt;
        }

        boolean pending() {
            return !applied && deadAt == null;
        }
    }

    /** An entry as a test sees it. */
    public record EntryState(InboxEntry entry, int attempts, Instant dueAt, boolean applied, boolean dead,
                             String lastError) {
    }

    @Override
    public synchronized boolean accept(InboxEntry entry) {
        if (!keys.add(entry.dedupKey())) {
            return false;
        }
        entries.add(new Stored(++sequence, entry, clock.instant()));
        return true;
    }

    @Override
    public synchronized ApplyReport applyPending(int max, Applier applier, RetryPolicy policy) {
        Instant now = clock.instant();
        List<Stored> due = entries.stream().filter(s -> s.pending() && !s.dueAt.isAfter(now)).limit(max).toList();
        int applied = 0;
        int failed = 0;
        int dead = 0;
        for (Stored s : due) {
            try {
                Call current = calls.load(s.entry.callId())
                        .orElseThrow(() -> new IllegalStateException("no call " + s.entry.callId()));
                Call next = applier.apply(current, s.entry.event());
                calls.save(next);
                s.applied = true;
                applied++;
            } catch (RuntimeException e) {
                s.attempts++;
                s.lastError = e.toString();
                if (s.attempts >= policy.maxAttempts()) {
                    s.deadAt = now;
                    dead++;
                } else {
                    s.dueAt = now.plus(backoff(policy, s.attempts));
                    failed++;
                }
            }
        }
        return new ApplyReport(applied, failed, dead);
    }

    static Duration backoff(RetryPolicy policy, int failures) {
        Duration delay = policy.firstDelay().multipliedBy(1L << Math.min(failures - 1, 30));
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    @Override
    public synchronized Page<DeadLetter> deadLetters(PageRequest request) {
        long after = request.cursor().map(InMemoryCallEventInbox::decode).orElse(0L);
        List<DeadLetter> dead = entries.stream().filter(s -> s.deadAt != null && s.id > after)
                .map(s -> new DeadLetter(s.id, s.entry.callId(), s.entry.event().type(), s.entry.dedupKey(), s.attempts,
                        s.lastError, s.receivedAt, s.deadAt))
                .toList();
        List<DeadLetter> items = dead.stream().limit(request.limit()).toList();
        Optional<String> next = dead.size() > request.limit()
                ? Optional.of(Long.toString(items.get(items.size() - 1).id())) : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public synchronized boolean replay(long deadLetterId) {
        for (Stored s : entries) {
            if (s.id == deadLetterId && s.deadAt != null) {
                revive(s);
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int replayAll() {
        int count = 0;
        for (Stored s : entries) {
            if (s.deadAt != null) {
                revive(s);
                count++;
            }
        }
        return count;
    }

    private void revive(Stored s) {
        s.deadAt = null;
        s.attempts = 0;
        s.dueAt = clock.instant();
    }

    /** Every entry stored, oldest first. */
    public synchronized List<EntryState> entries() {
        return entries.stream().map(s -> new EntryState(s.entry, s.attempts, s.dueAt, s.applied, s.deadAt != null,
                s.lastError)).toList();
    }

    /** The entries not yet applied nor dead. */
    public synchronized List<InboxEntry> pending() {
        return entries.stream().filter(Stored::pending).map(s -> s.entry).toList();
    }

    private static long decode(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }
}
