package dev.switchboard.adapters.hamsa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.model.PlatformFailure;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HamsaErrorMapperTest {

    private static final Instant NOW = Instant.parse("2026-01-15T14:35:00Z");
    private final HamsaErrorMapper mapper = new HamsaErrorMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void each_status_maps_to_the_failure_kind_that_says_what_to_do() {
        assertThat(HamsaErrorMapper.kind(400)).isEqualTo(PlatformFailure.VALIDATION);
        assertThat(HamsaErrorMapper.kind(422)).isEqualTo(PlatformFailure.VALIDATION);
        assertThat(HamsaErrorMapper.kind(401)).isEqualTo(PlatformFailure.AUTH);
        assertThat(HamsaErrorMapper.kind(403)).isEqualTo(PlatformFailure.AUTH);
        assertThat(HamsaErrorMapper.kind(404)).isEqualTo(PlatformFailure.NOT_FOUND);
        assertThat(HamsaErrorMapper.kind(408)).isEqualTo(PlatformFailure.TIMEOUT);
        assertThat(HamsaErrorMapper.kind(429)).isEqualTo(PlatformFailure.RATE_LIMITED);
        assertThat(HamsaErrorMapper.kind(500)).isEqualTo(PlatformFailure.UNAVAILABLE);
        assertThat(HamsaErrorMapper.kind(502)).isEqualTo(PlatformFailure.UNAVAILABLE);
        assertThat(HamsaErrorMapper.kind(503)).isEqualTo(PlatformFailure.UNAVAILABLE);
        assertThat(HamsaErrorMapper.kind(504)).isEqualTo(PlatformFailure.TIMEOUT);
    }

    @Test
    void retry_after_in_seconds_is_taken_as_given() {
        assertThat(mapper.retryAfter(Response.status(429).header("Retry-After", "7").build(), 429))
                .contains(Duration.ofSeconds(7));
    }

    @Test
    void retry_after_as_an_http_date_is_the_time_left_until_it() {
        Response response = Response.status(503).header("Retry-After", "Thu, 15 Jan 2026 14:35:30 GMT").build();

        assertThat(mapper.retryAfter(response, 503)).contains(Duration.ofSeconds(30));
    }

    @Test
    void without_retry_after_a_429_waits_until_the_rate_limit_reset() {
        Response response = Response.status(429)
                .header("X-RateLimit-Reset", Long.toString(NOW.plusSeconds(42).getEpochSecond())).build();

        assertThat(mapper.retryAfter(response, 429)).contains(Duration.ofSeconds(42));
        assertThat(mapper.retryAfter(Response.status(429)
                .header("X-RateLimit-Reset", Long.toString(NOW.minusSeconds(5).getEpochSecond())).build(), 429))
                .contains(Duration.ZERO);
    }

    @Test
    void an_unreadable_retry_after_is_ignored() {
        assertThat(mapper.retryAfter(Response.status(503).header("Retry-After", "soon").build(), 503)).isEmpty();
    }

    @Test
    void a_connection_never_made_is_unavailable_and_a_request_without_answer_is_a_timeout() {
        assertThat(HamsaTransport.transportFailureKind(
                new RuntimeException(new ConnectException("Connection refused: /127.0.0.1:1"))))
                .isEqualTo(PlatformFailure.UNAVAILABLE);
        assertThat(HamsaTransport.transportFailureKind(
                new RuntimeException("io.netty.channel.ConnectTimeoutException: connection timed out")))
                .isEqualTo(PlatformFailure.UNAVAILABLE);
        assertThat(HamsaTransport.transportFailureKind(
                new RuntimeException(new TimeoutException("The timeout period of 2000ms has been exceeded"))))
                .isEqualTo(PlatformFailure.TIMEOUT);
        assertThat(HamsaTransport.transportFailureKind(
                new RuntimeException(new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character"))))
                .isEqualTo(PlatformFailure.BAD_RESPONSE);
    }
}
