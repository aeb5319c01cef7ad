package dev.switchboard.domain.model;

/** What a request may do with its idempotency key. */
public sealed interface IdempotencyClaim {

    /** The key is this request's: run the work, then complete or release with the token. */
    record Acquired(String token) implements IdempotencyClaim {
    }

    /** The same request already ran to completion: answer with what it got. */
    record Replay(RecordedResponse response) implements IdempotencyClaim {
    }

    /** The same request is still running elsewhere. */
    record InProgress() implements IdempotencyClaim {
    }

    /** The key was first used for a different request. */
    record Mismatch() implements IdempotencyClaim {
    }
}
