package dev.switchboard.domain.model;

/**
 * What happened when the platform called a tool's server on request: its answer, or why there was none.
 *
 * @param statusCode the server's HTTP status, or null when it gave none (refused, timed out)
 * @param body       the start of the server's answer, as text
 * @param error      why the call failed, in the platform's words, or null
 */
public record ToolTestResult(boolean success, Integer statusCode, long durationMillis, String body, String error) {
}
