package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /_admin}: lets a test or an operator steer the simulator over HTTP. Not authenticated,
 * rate-limited, faulted or recorded, so it keeps working whatever the API is being made to do.
 * Payloads are plain JSON (no envelope); errors use the configured envelope.
 */
final class AdminHandler implements HttpHandler {

    static final String PREFIX = "/_admin";

    /**
     * A {@code webhookAuth.authSecret} in a recorded body, call's or agent's: no admin view shows an
     * agent's secret, and the body is masked as it is, without parsing, so a malformed one (even an
     * unterminated secret) is too.
     */
    private static final Pattern AUTH_SECRET = Pattern.compile("(\"authSecret\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?");

    private final FaultInjector faults;
    private final RateLimiter rateLimiter;
    private final RequestRecorder recorder;
    private final ScriptedFailures scripted;
    private final Runnable reset;
    private final EnvelopeWriter envelopes;
    private final Json json;
    private final Router router = new Router();

    AdminHandler(FaultInjector faults, RateLimiter rateLimiter, RequestRecorder recorder, ScriptedFailures scripted,
                 CallAdmin calls, KnowledgeHandlers knowledge, WebToolHandlers tools, Runnable reset,
                 EnvelopeWriter envelopes, Json json) {
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.recorder = recorder;
        this.scripted = scripted;
        this.reset = reset;
        this.envelopes = envelopes;
        this.json = json;
        router.add("GET", PREFIX + "/health", request -> Router.Reply.ok(json.object().put("status", "UP")))
                .add("GET", PREFIX + "/faults", request -> Router.Reply.ok(faultsJson(faults.settings())))
                .add("PUT", PREFIX + "/faults", this::putFaults)
                .add("GET", PREFIX + "/rate-limit", request -> Router.Reply.ok(rateLimitJson(rateLimiter.policy())))
                .add("PUT", PREFIX + "/rate-limit", this::putRateLimit)
                .add("GET", PREFIX + "/rate-limit/stats", request -> Router.Reply.ok(statsJson(rateLimiter.stats())))
                .add("DELETE", PREFIX + "/rate-limit/stats",
                        request -> Router.Reply.ok(statsJson(rateLimiter.clearStats())))
                .add("GET", PREFIX + "/requests", request -> Router.Reply.ok(requestsJson()))
                .add("DELETE", PREFIX + "/requests",
                        request -> Router.Reply.ok(json.object().put("cleared", recorder.clear())))
                .add("POST", PREFIX + "/fail-next", this::postFailNext)
                .add("POST", PREFIX + "/faults/lose-next-answer", this::postLoseNextAnswer)
                .add("POST", PREFIX + "/reset", request -> {
                    reset.run();
                    return Router.Reply.ok(json.object().put("status", "reset"));
                });
        calls.routes(router, PREFIX);
        knowledge.adminRoutes(router, PREFIX);
        tools.adminRoutes(router, PREFIX);
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String body = HttpIo.readBody(exchange);
            int status;
            JsonNode payload;
            try {
                Router.Reply reply = router.dispatch(exchange.getRequestMethod(), HttpIo.path(exchange),
                        HttpIo.queryParams(HttpIo.rawQuery(exchange)), body);
                status = reply.status();
                payload = reply.body();
            } catch (ApiException e) {
                e.headers().forEach(exchange.getResponseHeaders()::set);
                status = e.status();
                payload = envelopes.error(e);
            }
            HttpIo.sendJson(exchange, status, json.bytes(payload));
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } finally {
            exchange.close();
        }
    }

    private Router.Reply putFaults(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        FaultSettings current = faults.settings();
        Map<String, String> errors = new LinkedHashMap<>();
        long latencyMs = JsonFields.longField(body, "latencyMs", current.latencyMs(), errors);
        long latencyJitterMs = JsonFields.longField(body, "latencyJitterMs", current.latencyJitterMs(), errors);
        double errorRate = doubleField(body, "errorRate", current.errorRate(), errors);
        double timeoutRate = doubleField(body, "timeoutRate", current.timeoutRate(), errors);
        long timeoutMs = JsonFields.longField(body, "timeoutMs", current.timeoutMs(), errors);
        double dropRate = doubleField(body, "dropRate", current.dropRate(), errors);
        double tooManyRequestsRate = doubleField(body, "tooManyRequestsRate", current.tooManyRequestsRate(), errors);
        long retryAfterSeconds = JsonFields.longField(body, "retryAfterSeconds", current.retryAfterSeconds(), errors);
        long seed = JsonFields.longField(body, "seed", current.seed(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        FaultSettings updated;
        try {
            updated = new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs, dropRate,
                    tooManyRequestsRate, retryAfterSeconds, seed);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        faults.set(updated);
        return Router.Reply.ok(faultsJson(updated));
    }

    /** {@code {status, times?, retryAfterSeconds?}} or {@code {drop: true, times?}}. */
    private Router.Reply postFailNext(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        Map<String, String> errors = new LinkedHashMap<>();
        long status = JsonFields.longField(body, "status", 0, errors);
        long times = JsonFields.longField(body, "times", 1, errors);
        long retryAfter = JsonFields.longField(body, "retryAfterSeconds", -1, errors);
        boolean drop = JsonFields.booleanField(body, "drop", false, errors);
        if (drop && body.has("status")) {
            errors.put("status", "a dropped connection has no status: give status or drop, not both");
        }
        if (drop && body.has("retryAfterSeconds")) {
            errors.put("retryAfterSeconds", "a dropped connection sends no headers");
        }
        if (times < 1 || times > Integer.MAX_VALUE) {
            errors.putIfAbsent("times", "must be between 1 and " + Integer.MAX_VALUE);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        if (drop) {
            scripted.addDrops((int) times);
            return Router.Reply.ok(json.object().put("drop", true).put("times", times));
        }
        if (status < 400 || status > 599) {
            throw ApiException.validation(Map.of("status", "must be a 4xx or 5xx status (or send drop: true)"));
        }
        if (retryAfter >= 0 && !ScriptedFailures.RETRY_AFTER_STATUSES.contains((int) status)) {
            throw ApiException.validation(Map.of("retryAfterSeconds", "is for 429, 500, 502, 503 and 504 only"));
        }
        if (body.has("retryAfterSeconds") && retryAfter < 0) {
            throw ApiException.validation(Map.of("retryAfterSeconds", "must not be negative"));
        }
        scripted.add((int) status, (int) times, retryAfter < 0 ? null : retryAfter);
        ObjectNode reply = json.object().put("status", status).put("times", times);
        if (retryAfter >= 0) {
            reply.put("retryAfterSeconds", retryAfter);
        }
        return Router.Reply.ok(reply);
    }

    /** An empty body or {@code {times?}}: the next {@code times} (1) handled requests lose their answers. */
    private Router.Reply postLoseNextAnswer(Router.Request request) {
        JsonNode body = request.body().isBlank() ? json.object() : json.parseObject(request.body());
        Map<String, String> errors = new LinkedHashMap<>();
        long times = JsonFields.longField(body, "times", 1, errors);
        if (times < 1 || times > Integer.MAX_VALUE) {
            errors.putIfAbsent("times", "must be between 1 and " + Integer.MAX_VALUE);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        scripted.addLostAnswers((int) times);
        return Router.Reply.ok(json.object().put("loseNextAnswer", true).put("times", times));
    }

    /** The window as {@code windowSeconds} or {@code windowMillis}, not both: two lengths would leave one ignored. */
    private Router.Reply putRateLimit(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        RateLimiter.Policy current = rateLimiter.policy();
        Map<String, String> errors = new LinkedHashMap<>();
        long limit = JsonFields.longField(body, "limit", current.limit(), errors);
        long windowSeconds = JsonFields.longField(body, "windowSeconds", -1, errors);
        long windowMillis = JsonFields.longField(body, "windowMillis", -1, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        if (limit < 0 || limit > Integer.MAX_VALUE) {
            throw ApiException.validation(Map.of("limit", "must be between 0 and " + Integer.MAX_VALUE));
        }
        Duration window = current.window();
        if (body.has("windowSeconds") && body.has("windowMillis")) {
            throw ApiException.validation(Map.of("windowMillis", "give windowSeconds or windowMillis, not both"));
        } else if (body.has("windowSeconds")) {
            if (windowSeconds < 1 || windowSeconds > RateLimiter.MAX_WINDOW_SECONDS) {
                throw ApiException.validation(Map.of("windowSeconds",
                        "must be between 1 and " + RateLimiter.MAX_WINDOW_SECONDS));
            }
            window = Duration.ofSeconds(windowSeconds);
        } else if (body.has("windowMillis")) {
            if (windowMillis < 1 || windowMillis > RateLimiter.MAX_WINDOW_SECONDS * 1000) {
                throw ApiException.validation(Map.of("windowMillis",
                        "must be between 1 and " + RateLimiter.MAX_WINDOW_SECONDS * 1000));
            }
            window = Duration.ofMillis(windowMillis);
        }
        RateLimiter.Policy updated = new RateLimiter.Policy((int) limit, window);
        rateLimiter.setPolicy(updated);
        return Router.Reply.ok(rateLimitJson(updated));
    }

    private ObjectNode faultsJson(FaultSettings settings) {
        return json.object()
                .put("latencyMs", settings.latencyMs())
                .put("latencyJitterMs", settings.latencyJitterMs())
                .put("errorRate", settings.errorRate())
                .put("timeoutRate", settings.timeoutRate())
                .put("timeoutMs", settings.timeoutMs())
                .put("dropRate", settings.dropRate())
                .put("tooManyRequestsRate", settings.tooManyRequestsRate())
                .put("retryAfterSeconds", settings.retryAfterSeconds())
                .put("seed", settings.seed());
    }

    /** {@code windowSeconds} is a whole number when the window is whole seconds, else a fraction (0.25). */
    private ObjectNode rateLimitJson(RateLimiter.Policy policy) {
        long windowMillis = policy.window().toMillis();
        ObjectNode node = json.object().put("limit", policy.limit());
        if (windowMillis % 1000 == 0) {
            node.put("windowSeconds", windowMillis / 1000);
        } else {
            node.put("windowSeconds", windowMillis / 1000.0);
        }
        return node.put("windowMillis", windowMillis);
    }

    private ObjectNode statsJson(RateLimitStats stats) {
        ObjectNode node = json.object()
                .put("limit", stats.limit())
                .put("windowMillis", stats.window().toMillis())
                .put("arrivals", stats.arrivals())
                .put("allowed", stats.allowed())
                .put("refused", stats.refused())
                .put("tooManyRequestsSent", stats.tooManyRequestsSent())
                .put("maxArrivalsInAnyWindow", stats.maxArrivalsInAnyWindow())
                .put("maxAllowedInAnyWindow", stats.maxAllowedInAnyWindow());
        putInstant(node, "firstArrival", stats.firstArrival());
        putInstant(node, "lastArrival", stats.lastArrival());
        return node;
    }

    private static void putInstant(ObjectNode node, String name, Instant instant) {
        if (instant == null) {
            node.putNull(name);
        } else {
            node.put(name, instant.toString());
        }
    }

    private ArrayNode requestsJson() {
        ArrayNode array = json.array();
        for (RecordedRequest recorded : recorder.snapshot()) {
            ObjectNode node = array.addObject()
                    .put("at", recorded.at().toString())
                    .put("method", recorded.method())
                    .put("path", recorded.path())
                    .put("query", recorded.query());
            ObjectNode headers = node.putObject("headers");
            recorded.headers().forEach((name, value) ->
                    headers.put(name, name.equals("authorization") ? AuthHeader.mask(value) : value));
            node.put("body", maskSecrets(recorded.body())).put("status", recorded.status());
        }
        return array;
    }



    static String maskSecrets(String body) {
        return body.contains("authSecret") ? AUTH_SECRET.matcher(body).replaceAll("$1\"***\"") : body;
    }

    private static double doubleField(JsonNode body, String name, double fallback, Map<String, String> errors) {
        JsonNode node = body.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber()) {
            errors.put(name, "must be a number");
            return fallback;
        }
        return node.doubleValue();
    }
}
