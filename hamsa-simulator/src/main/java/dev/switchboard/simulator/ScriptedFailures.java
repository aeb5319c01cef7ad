package dev.switchboard.simulator;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Failures a test asks for by status, answered to the next authenticated API requests in order. Where
 * the random faults give a rate, these give one exact answer: "the next create is a 400".
 */
final class ScriptedFailures {

    /** @param retryAfterSeconds what a 429 or 503 says in {@code Retry-After}; null for the default */
    record Failure(int status, Long retryAfterSeconds) {
    }

    private final ConcurrentLinkedQueue<Failure> pending = new ConcurrentLinkedQueue<>();

    void add(int status, int times) {
        add(status, times, null);
    }

    void add(int status, int times, Long retryAfterSeconds) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a scripted failure is a 4xx or 5xx status, not " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry-after must not be negative");
        }
        for (int i = 0; i < times; i++) {
            pending.add(new Failure(status, retryAfterSeconds));
        }
    }

    /** The failure for the next request, or null when none is pending. */
    Failure next() {
        return pending.poll();
    }

    void clear() {
        pending.clear();
    }

    /** @param windowRetryAfterSeconds the rate limiter's own wait, used when the failure names none */
    static ApiException answer(Failure failure, long windowRetryAfterSeconds) {
        long retryAfterSeconds = failure.retryAfterSeconds() != null ? failure.retryAfterSeconds() : windowRetryAfterSeconds;
        ApiException answer = switch (failure.status()) {
            case 400 -> ApiException.validation(java.util.Map.of("voiceId", "Unknown voice (scripted failure)"));
            case 403 -> ApiException.invalidApiKey();
            case 404 -> ApiException.notFound("Not found (scripted failure)");
            case 429 -> ApiException.tooManyRequests(retryAfterSeconds);
            case 500 -> ApiException.internalError();
            case 503 -> ApiException.serviceUnavailable();
            case 504 -> ApiException.gatewayTimeout();
            default -> ApiException.scripted(failure.status());
        };
        return failure.status() == 503 && failure.retryAfterSeconds() != null
                ? answer.withHeader("Retry-After", Long.toString(retryAfterSeconds))
                : answer;
    }
}
