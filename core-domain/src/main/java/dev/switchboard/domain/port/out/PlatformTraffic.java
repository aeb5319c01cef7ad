package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.UpstreamLimits;
import java.util.function.Supplier;

/**
 * The way every single request of a platform adapter goes out, so that what cuts across all of them
 * (queueing, the shared quota, measurement) is applied per request, even where one port operation takes
 * several requests (a list walked page by page). The platform adapter calls it; app implements it.
 */
public interface PlatformTraffic {

    /** Sends nothing itself: lets every request straight through and ignores reports. */
    PlatformTraffic DIRECT = new PlatformTraffic() {
        @Override
        public <T> T send(String operation, Supplier<T> request) {
            return request.get();
        }

        @Override
        public void observed(UpstreamLimits limits) {
        }
    };

    /** Runs one request when its turn comes; may refuse it by throwing a PlatformException instead. */
    <T> T send(String operation, Supplier<T> request);

    /** What the platform said about its quota on an answer. Called on I/O threads: quick, never blocking, never throwing. */
    void observed(UpstreamLimits limits);
}
