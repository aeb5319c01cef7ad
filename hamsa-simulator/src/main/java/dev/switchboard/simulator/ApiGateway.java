package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * Every non-admin request goes through the same steps Hamsa's gateway takes: record, rate-limit
 * (per presented key), authenticate, answer a scripted failure if one is pending, inject faults,
 * then route to a handler (whose answer is withheld, the connection closed, when a lost answer is
 * pending).
 */
final class ApiGateway implements HttpHandler {

    private record Answer(int status, JsonNode body) {

        /** No answer at all: the connection is closed instead. */
        static final Answer DROP = new Answer(RecordedRequest.DROPPED, null);

        boolean dropped() {
            return this == DROP;
        }
    }

    private final String apiKey;
    private final Clock clock;
    private final RequestRecorder recorder;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final ScriptedFailures scripted;
    private final Router router;
    private final EnvelopeWriter envelopes;
    private final Json json;

    ApiGateway(String apiKey, Clock clock, RequestRecorder recorder, RateLimiter rateLimiter,
               FaultInjector faults, ScriptedFailures scripted, Router router, EnvelopeWriter envelopes, Json json) {
        this.apiKey = apiKey;
        this.clock = clock;
        this.recorder = recorder;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.scripted = scripted;
        this.router = router;
        this.envelopes = envelopes;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String body = HttpIo.readBody(exchange);
            String method = exchange.getRequestMethod();
            String query = HttpIo.rawQuery(exchange);
            RequestRecorder.Entry entry = recorder.begin(clock.instant(), method,
                    exchange.getRequestURI().getPath(), query, HttpIo.headers(exchange), body);

            Answer answer = answer(exchange, method, HttpIo.path(exchange), query, body);
            if (answer.dropped()) {
                // Closing an exchange whose headers were never sent closes its TCP connection (the
                // finally below), so the client sees the connection end with no status at all.
                entry.complete(RecordedRequest.DROPPED);
                return;
            }
            if (answer.status() == 429) {
                // Counted before sending, so a client that reads the statistics after its answer sees it.
                rateLimiter.countTooManyRequestsSent();
            }
            entry.complete(answer.status());
            HttpIo.sendJson(exchange, answer.status(), json.bytes(answer.body()));
        } catch (IOException e) {
            // The client went away, typically because its own timeout fired first: no one is left to answer.
        } catch (InterruptedException e) {
            // The simulator is closing while this request was delayed or hanging.
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, String query, String body)
            throws InterruptedException {
        AuthHeader auth = AuthHeader.parse(exchange.getRequestHeaders().getFirst("Authorization"));

        RateLimiter.Decision quota = rateLimiter.acquire(auth.rateLimitKey());
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(quota.limit()));
        headers.set("X-RateLimit-Remaining", Integer.toString(quota.remaining()));
        headers.set("X-RateLimit-Reset", Long.toString(quota.resetEpochSeconds()));
        if (!quota.allowed()) {
            return error(exchange, ApiException.tooManyRequests(quota.retryAfterSeconds()));
        }

        if (!auth.carries(apiKey)) {
            return error(exchange, ApiException.invalidApiKey());
        }

        ScriptedFailures.Failure scriptedFailure = scripted.next(method, path);
        if (scriptedFailure != null) {
            return scriptedFailure.drop()
                    ? Answer.DROP
                    : error(exchange, ScriptedFailures.answer(scriptedFailure, quota.retryAfterSeconds()));
        }

        FaultInjector.Outcome fault = faults.draw();
        sleep(fault.delayMs());
        switch (fault.kind()) {
            case TIMEOUT:
                sleep(fault.timeoutMs());
                return error(exchange, ApiException.gatewayTimeout());
            case ERROR:
                return error(exchange, fault.errorStatus() == 503
                        ? ApiException.serviceUnavailable()
                        : ApiException.internalError());
            case DROP:
                return Answer.DROP;
            case TOO_MANY_REQUESTS:
                return error(exchange, ApiException.tooManyRequests(fault.retryAfterSeconds()));
            default:
                break;
        }

        // Taken before handling, so the request that gets to act is the one whose answer is lost.
        boolean loseAnswer = scripted.takeLostAnswer();
        Answer answer;
        try {
            Router.Reply reply = router.dispatch(method, path, HttpIo.queryParams(query), body);
            answer = new Answer(reply.status(), envelopes.success(reply.body()));
        } catch (ApiException e) {
            answer = error(exchange, e);
        } catch (RuntimeException e) {
            answer = error(exchange, ApiException.internalError());
        }
        return loseAnswer ? Answer.DROP : answer;
    }

    private Answer error(HttpExchange exchange, ApiException error) {
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        return new Answer(error.status(), envelopes.error(error));
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
