package dev.switchboard.domain.model;

/** Base of every error the domain raises on purpose; the web adapter maps each kind to one problem type. */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, VoiceAgentNotFoundException, DuplicateExternalIdException,
        ConcurrentUpdateException, PlatformException, TeamNotFoundException, ApiKeyNotFoundException,
        IdempotencyUnavailableException, IdempotencyConflictException, RequestLimitExceededException,
        CallNotFoundException, CallNotCancellableException, DuplicateCallExternalIdException,
        StorageUnavailableException, WebhookRefusedException, KnowledgeItemNotFoundException,
        KnowledgeQuotaExceededException, WebToolNotFoundException, WebToolNameTakenException,
        KnowledgeItemInUseException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
