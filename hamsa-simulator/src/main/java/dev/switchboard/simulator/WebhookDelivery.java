package dev.switchboard.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to deliver a webhook event.
 *
 * @param callId    the call's {@code jobId}
 * @param timestamp the event's {@code timestamp}, as sent (with {@code callId} and {@code eventType},
 *                  the dedup key the guide suggests)
 * @param attempt   1 for the first attempt, 2 for the first retry, ...
 * @param status    the receiver's HTTP status, or {@link #IO_FAILURE} when no answer came (connection
 *                  refused or closed, or no answer within 5 s)
 * @param at        when the attempt finished, by the simulator's clock
 */
public record WebhookDelivery(String callId, String eventType, String timestamp, int attempt, int status, Instant at) {

    /** The {@link #status()} of an attempt that got no HTTP answer. */
    public static final int IO_FAILURE = -1;

    public WebhookDelivery {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(at, "at");
    }

    /** True when the receiver answered 2xx. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
