package dev.switchboard.domain.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The voice platform answered with a failure, or did not answer. Keeps the platform's own code and
 * message so operators can match them with the platform's logs, and the delay it asked for when it did.
 */
public final class PlatformException extends DomainException {

    private final PlatformFailure failure;
    private final String platformCode;
    private final String platformMessage;
    private final Duration retryAfter;
    private final Map<String, String> details;
    private final boolean mayHaveTakenEffect;
    private final String detail;

    public PlatformException(PlatformFailure failure, String platformCode, String platformMessage,
                             Duration retryAfter, Map<String, String> details, Throwable cause) {
        this(failure, platformCode, platformMessage, retryAfter, details, cause, platformMessage,
                failure == PlatformFailure.TIMEOUT);
    }

    private PlatformException(PlatformFailure failure, String platformCode, String platformMessage,
                              Duration retryAfter, Map<String, String> details, Throwable cause, String detail,
                              boolean mayHaveTakenEffect) {
        super("Voice platform failure " + failure + (platformCode == null ? "" : " [" + platformCode + "]")
                + (detail == null ? "" : ": " + detail), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.platformCode = platformCode;
        this.platformMessage = platformMessage;
        this.retryAfter = retryAfter;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.mayHaveTakenEffect = mayHaveTakenEffect;
        this.detail = detail;
    }

    /**
     * The same failure, noted as one after which the platform may have carried the request out (a 500 or 502
     * answered after the work was done, a connection lost after the request went out). A request that must
     * not run twice is then not sent again.
     */
    public PlatformException withEffectUnknown() {
        PlatformException copy = new PlatformException(failure, platformCode, platformMessage, retryAfter, details,
                getCause(), detail, true);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** Whether the platform may have carried the request out despite the failure: always so for a timeout. */
    public boolean mayHaveTakenEffect() {
        return mayHaveTakenEffect;
    }

    public PlatformException(PlatformFailure failure, String platformCode, String platformMessage) {
        this(failure, platformCode, platformMessage, null, Map.of(), null);
    }

    /**
     * The platform gave no answer (refused connection, timeout, unreadable body): there is no platform
     * code or message, only our own description of what happened, which stays out of client responses.
     */
    public static PlatformException withoutAnswer(PlatformFailure failure, String detail, Throwable cause) {
        return new PlatformException(failure, null, null, null, Map.of(), cause, detail, failure == PlatformFailure.TIMEOUT);
    }

    /** Whether the platform answered at all: only then are its code and message worth passing on. */
    public boolean platformAnswered() {
        return platformCode != null || platformMessage != null;
    }

    public PlatformFailure failure() {
        return failure;
    }

    public Optional<String> platformCode() {
        return Optional.ofNullable(platformCode);
    }

    public Optional<String> platformMessage() {
        return Optional.ofNullable(platformMessage);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Field-level reasons the platform gave for a validation failure, if any. */
    public Map<String, String> details() {
        return details;
    }
}
