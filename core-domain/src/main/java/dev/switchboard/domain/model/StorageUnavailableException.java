package dev.switchboard.domain.model;

/**
 * Switchboard's own database could not be reached, so nothing was stored. For a webhook this is the answer
 * that makes the sender try again, instead of an acknowledgement for an event that was not kept.
 */
public final class StorageUnavailableException extends DomainException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
