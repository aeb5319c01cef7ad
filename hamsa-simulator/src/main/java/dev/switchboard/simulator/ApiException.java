package dev.switchboard.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** An error answer: HTTP status, message, the DOCS-envelope message key, field details and extra headers. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String messageKey;
    private final transient Map<String, String> details;
    private final transient Map<String, String> headers;

    private ApiException(int status, String message, String messageKey,
                         Map<String, String> details, Map<String, String> headers) {
        // No stack trace: these are ordinary answers, and load runs produce a great many of them.
        super(message, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.details = Map.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    private static ApiException of(int status, String message, String messageKey) {
        return new ApiException(status, message, messageKey, Map.of(), Map.of());
    }

    static ApiException malformedJson() {
        return of(400, "Malformed JSON", "malformed_json");
    }

    static ApiException badRequest(String message) {
        return of(400, message, "bad_request");
    }

    static ApiException invalid(String message) {
        return of(400, message, "validation_failed");
    }

    static ApiException validation(Map<String, String> details) {
        return new ApiException(400, "Validation failed", "validation_failed", details, Map.of());
    }

    /** A 400 with its own message, for a refusal that is not about one malformed field (a full quota). */
    static ApiException quotaExceeded(String message, Map<String, String> details) {
        return new ApiException(400, message, "storage_quota_exceeded", details, Map.of());
    }

    static ApiException invalidApiKey() {
        return of(403, "Invalid or missing API key", "invalid_api_key");
    }

    static ApiException notFound(String message) {
        return of(404, message, "not_found");
    }

    /** The request is fine but the resource's state refuses it (a conversation joined twice). */
    static ApiException conflict(String message) {
        return of(409, message, "conflict");
    }

    static ApiException methodNotAllowed(Set<String> allowed) {
        return new ApiException(405, "Method not allowed", "method_not_allowed", Map.of(),
                Map.of("Allow", String.join(", ", new TreeSet<>(allowed))));
    }

    static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "Too many requests", "too_many_requests", Map.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    static ApiException internalError() {
        return of(500, "Internal server error", "internal_error");
    }

    static ApiException serviceUnavailable() {
        return of(503, "Service unavailable", "service_unavailable");
    }

    static ApiException scripted(int status) {
        return of(status, "Scripted failure", "scripted_failure");
    }

    static ApiException gatewayTimeout() {
        return of(504, "Gateway timeout", "gateway_timeout");
    }

    ApiException withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, getMessage(), messageKey, details, more);
    }

    int status() {
        return status;
    }

    /** Hamsa's error codes are "10" followed by the HTTP status. */
    String code() {
        return "10" + status;
    }

    String messageKey() {
        return messageKey;
    }

    Map<String, String> details() {
        return details;
    }

    Map<String, String> headers() {
        return headers;
    }
}
