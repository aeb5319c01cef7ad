package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.DeadLetter;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;

/** An operator's view of the events that failed to apply, and the way to try them again. */
public interface DeadLettersUseCase {

    Page<DeadLetter> list(PageRequest request);

    /** @return false if there is no such dead letter */
    boolean replay(long id);

    int replayAll();
}
