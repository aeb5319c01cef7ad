package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.Call;

/** Stores a call as QUEUED with its dispatch job; a worker sends it to Hamsa as the shared quota allows. */
public interface PlaceCallUseCase {
    Call place(PlaceCallCommand command);
}
