package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every Hamsa error answer into a {@link PlatformException} of the right kind, keeping Hamsa's
 * code, message and field details, and the wait Hamsa asked for on a 429.
 */
final class HamsaErrorMapper implements ResponseExceptionMapper<PlatformException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    HamsaErrorMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public PlatformException toThrowable(Response response) {
        int status = response.getStatus();
        HamsaJson.HamsaError error = HamsaJson.error(body(response));
        String code = error.code() != null ? error.code() : "HTTP_" + status;
        PlatformException failure = new PlatformException(kind(status), code, error.message(),
                retryAfter(response, status).orElse(null), error.details(), null);
        // A 5xx can come after the work was done (a crash while replying, a gateway losing the answer, a CDN's
        // 52x); only a 503 says the server refused before doing anything, as a 429 does.
        return status >= 500 && status != 503 ? failure.withEffectUnknown() : failure;
    }

    static PlatformFailure kind(int status) {
        return switch (status) {
            case 401, 403 -> PlatformFailure.AUTH;
            case 404, 410 -> PlatformFailure.NOT_FOUND;
            case 429 -> PlatformFailure.RATE_LIMITED;
            case 408, 504 -> PlatformFailure.TIMEOUT;
            default -> status >= 500 ? PlatformFailure.UNAVAILABLE : PlatformFailure.VALIDATION;
        };
    }

    /** {@code Retry-After} (seconds or an HTTP date), else the time left until {@code X-RateLimit-Reset}. */
    Optional<Duration> retryAfter(Response response, int status) {
        Optional<Duration> fromRetryAfter = Optional.ofNullable(response.getHeaderString("Retry-After"))
                .flatMap(this::parseRetryAfter);
        if (fromRetryAfter.isPresent() || status != 429) {
            return fromRetryAfter;
        }
        return HamsaRateLimitHeaders.resetIn(clock, response.getHeaderString("X-RateLimit-Reset"));
    }

    private Optional<Duration> parseRetryAfter(String value) {
        Optional<Long> seconds = HamsaRateLimitHeaders.number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds.get())));
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(HamsaRateLimitHeaders.atLeastZero(Duration.between(clock.instant(), at)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }


    private static JsonNode body(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (Exception e) {
            // Not JSON (a proxy's HTML page, say): the status alone says what kind of failure it was.
            return null;
        }
    }
}
