package dev.switchboard.domain.model;

/**
 * The idempotency store cannot be reached. A request with a key is then refused rather than run,
 * since running it could repeat work a retry was meant to be protected from.
 */
public final class IdempotencyUnavailableException extends DomainException {

    public IdempotencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
