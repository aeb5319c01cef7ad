package dev.switchboard.simulator;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Failures a test asks for by status, answered to the next authenticated API requests in order. Where
 * the random faults give a rate, these give one exact answer: "the next create is a 400".
 */
final class ScriptedFailures {

    private final ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>();

    void add(int status, int times) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a scripted failure is a 4xx or 5xx status, not " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        for (int i = 0; i < times; i++) {
            pending.add(status);
        }
    }

    /** The status for the next request, or null when none is pending. */
    Integer next() {
        return pending.poll();
    }

    void clear() {
        pending.clear();
    }

    static ApiException answer(int status, long retryAfterSeconds) {
        return switch (status) {
            case 400 -> ApiException.validation(java.util.Map.of("voiceId", "Unknown voice (scripted failure)"));
            case 403 -> ApiException.invalidApiKey();
            case 404 -> ApiException.notFound("Not found (scripted failure)");
            case 429 -> ApiException.tooManyRequests(retryAfterSeconds);
            case 500 -> ApiException.internalError();
            case 503 -> ApiException.serviceUnavailable();
            case 504 -> ApiException.gatewayTimeout();
            default -> ApiException.scripted(status);
        };
    }
}
