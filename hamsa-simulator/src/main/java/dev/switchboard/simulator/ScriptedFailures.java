package dev.switchboard.simulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a test asks for, answered to the next authenticated API requests in order: a status, or a
 * dropped connection. Where the random faults give a rate, these give one exact answer: "the next
 * create is a 400", "the next request gets no answer at all".
 */
final class ScriptedFailures {

    /** The statuses a {@code Retry-After} may be scripted for: those a client is expected to retry. */
    static final Set<Integer> RETRY_AFTER_STATUSES = Set.of(429, 500, 502, 503, 504);

    /**
     * @param status            the status to answer; 0 for a drop
     * @param retryAfterSeconds what the answer says in {@code Retry-After}; null for the default (a 429
     *                          still says when the rate limit frees a slot, the others say nothing)
     * @param drop              close the connection without any answer instead
     * @param method            only a request with this method takes it; null for any
     * @param pathPrefix        only a request whose path starts with this takes it; null for any
     */
    record Failure(int status, Long retryAfterSeconds, boolean drop, String method, String pathPrefix) {

        Failure(int status, Long retryAfterSeconds, boolean drop) {
            this(status, retryAfterSeconds, drop, null, null);
        }

        static Failure dropped() {
            return new Failure(0, null, true);
        }

        boolean takenBy(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (pathPrefix == null || (path != null && path.startsWith(pathPrefix)));
        }
    }

    private final ConcurrentLinkedQueue<Failure> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger lostAnswers = new AtomicInteger();

    void add(int status, int times) {
        add(status, times, null);
    }

    void add(int status, int times, Long retryAfterSeconds) {
        add(status, times, retryAfterSeconds, null, null);
    }

    /** As {@link #add(int, int, Long)}, taken only by requests with this method and a path under this prefix. */
    void add(int status, int times, Long retryAfterSeconds, String method, String pathPrefix) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a scripted failure is a 4xx or 5xx status, not " + status);
        }
        requireTimes(times);
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry-after must not be negative");
        }
        if (retryAfterSeconds != null && !RETRY_AFTER_STATUSES.contains(status)) {
            // Silently sending no header would leave the test believing it checks something.
            throw new IllegalArgumentException("retry-after is for 429, 500, 502, 503 and 504, not " + status);
        }
        for (int i = 0; i < times; i++) {
            pending.add(new Failure(status, retryAfterSeconds, false, method, pathPrefix));
        }
    }

    /** The next {@code times} authenticated requests have their connection closed without an answer. */
    void addDrops(int times) {
        requireTimes(times);
        for (int i = 0; i < times; i++) {
            pending.add(Failure.dropped());
        }
    }

    /**
     * The next {@code times} requests that reach a handler are handled, and then their connections are
     * closed without an answer: the client cannot tell whether they took effect.
     */
    void addLostAnswers(int times) {
        requireTimes(times);
        lostAnswers.addAndGet(times);
    }

    /** True (and one fewer pending) when the answer of the request about to be handled is to be lost. */
    boolean takeLostAnswer() {
        return lostAnswers.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** The failure for the next request, or null when none is pending. */
    Failure next() {
        return next(null, null);
    }

    /**
     * The first pending failure this request takes (an aimed one only if the request matches it), removed; null
     * when none. Aimed failures let a test script "the next create fails" while other requests (a client's
     * background work) pass untouched.
     */
    Failure next(String method, String path) {
        for (Failure failure : pending) {
            if ((method == null || failure.takenBy(method, path)) && pending.remove(failure)) {
                return failure;
            }
        }
        return null;
    }

    void clear() {
        pending.clear();
        lostAnswers.set(0);
    }

    /**
     * The answer to a failure that is not a drop.
     *
     * @param windowRetryAfterSeconds the rate limiter's own wait, used by a 429 that names none
     */
    static ApiException answer(Failure failure, long windowRetryAfterSeconds) {
        ApiException answer = switch (failure.status()) {
            case 400 -> ApiException.validation(Map.of("voiceId", "Unknown voice (scripted failure)"));
            case 403 -> ApiException.invalidApiKey();
            case 404 -> ApiException.notFound("Not found (scripted failure)");
            case 429 -> ApiException.tooManyRequests(windowRetryAfterSeconds);
            case 500 -> ApiException.internalError();
            case 503 -> ApiException.serviceUnavailable();
            case 504 -> ApiException.gatewayTimeout();
            default -> ApiException.scripted(failure.status());
        };
        return failure.retryAfterSeconds() != null
                ? answer.withHeader("Retry-After", Long.toString(failure.retryAfterSeconds()))
                : answer;
    }

    private static void requireTimes(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
    }
}
