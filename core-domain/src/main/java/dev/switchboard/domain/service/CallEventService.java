package dev.switchboard.domain.service;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.port.in.ApplyCallEventsUseCase;
import dev.switchboard.domain.port.in.DeadLettersUseCase;
import dev.switchboard.domain.port.out.CallEventInbox;
import dev.switchboard.domain.port.out.CallEventInbox.ApplyReport;
import dev.switchboard.domain.port.out.CallEventInbox.RetryPolicy;
import java.time.Clock;
import java.util.Objects;

/** Applies the inbox's events to their calls, and lets an operator replay the ones that failed too often. */
public final class CallEventService implements ApplyCallEventsUseCase, DeadLettersUseCase {

    private static final System.Logger LOG = System.getLogger(CallEventService.class.getName());

    private final CallEventInbox inbox;
    private final Clock clock;
    private final RetryPolicy retry;

    public CallEventService(CallEventInbox inbox, Clock clock, RetryPolicy retry) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    @Override
    public ApplyReport applyPending(int max) {
        return inbox.applyPending(max, this::apply, retry);
    }

    private Call apply(Call current, HamsaEvent event) {
        Call.Applied applied = current.apply(event, clock.instant());
        for (String warning : applied.warnings()) {
            LOG.log(System.Logger.Level.WARNING, "Call {0}, event {1} at {2}: {3}", current.id(), event.type(),
                    event.occurredAt(), warning);
        }
        if (current.status() != applied.call().status()) {
            LOG.log(System.Logger.Level.INFO, "Call {0} is now {1} (was {2}), after {3}", current.id(),
                    applied.call().status(), current.status(), event.type());
        }
        return applied.call();
    }

    @Override
    public Page<DeadLetter> list(PageRequest request) {
        return inbox.deadLetters(request);
    }

    @Override
    public boolean replay(long id) {
        boolean replayed = inbox.replay(id);
        if (replayed) {
            LOG.log(System.Logger.Level.INFO, "Dead letter {0} put back in the inbox", id);
        }
        return replayed;
    }

    @Override
    public int replayAll() {
        int count = inbox.replayAll();
        LOG.log(System.Logger.Level.INFO, "{0} dead letter(s) put back in the inbox", count);
        return count;
    }
}
