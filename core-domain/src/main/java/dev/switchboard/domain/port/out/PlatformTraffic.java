package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.UpstreamLimits;
import java.util.function.Supplier;

/**
 * The way every single request of a platform adapter goes out, so that what cuts across all of them
 * (queueing, the shared quota, retries, circuit breakers, measurement) applies per request, even where one
 * port operation takes several (a list walked page by page, a copy read back after it was made). The
 * platform adapter calls it and states the facts only it knows; app implements it and decides.
 */
public interface PlatformTraffic {

    /**
     * Runs one request when its turn comes, perhaps more than once; or refuses it by throwing a
     * {@link dev.switchboard.domain.model.PlatformException}.
     *
     * @param area       the group of operations the request belongs to (one circuit breaker each)
     * @param operation  a short name for logs and metrics, e.g. {@code "create agent"}
     * @param repeatable whether sending the request twice does no harm (GET, PATCH with the same values);
     *                   a request that is not is never sent again once it may have reached the platform
     */
    <T> T send(PlatformArea area, String operation, boolean repeatable, Supplier<T> request);

    /** What the platform said about its quota on an answer. Called on I/O threads: quick, never blocking, never throwing. */
    void observed(UpstreamLimits limits);
}
