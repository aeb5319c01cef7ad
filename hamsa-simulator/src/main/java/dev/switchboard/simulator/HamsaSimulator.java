package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process HTTP server that behaves like Hamsa's voice-agent REST API, with rate limiting,
 * fault injection and request recording for tests.
 *
 * <pre>{@code
 * try (HamsaSimulator hamsa = HamsaSimulator.builder().apiKey("k").build().start()) {
 *     URI base = hamsa.baseUri();
 *     ...
 * }
 * }</pre>
 */
public final class HamsaSimulator implements AutoCloseable {

    /** Enough for faulted requests that hang to not starve the rest; bounded so a load run cannot spawn without limit. */
    private static final int THREADS = 64;
    private static final int BACKLOG = 256;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final String host;
    private final int requestedPort;
    private final String apiKey;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final FaultInjector faultInjector;
    private final RequestRecorder recorder;
    private final AgentStore agents = new AgentStore();
    private final ScriptedFailures scripted = new ScriptedFailures();
    private final CallStore calls = new CallStore();
    private final KnowledgeBase knowledge;
    private final WebToolStore tools = new WebToolStore();
    private final ToolTester toolTester;
    private final CallLifecycle callLifecycle;
    private final CallPlacer placer;
    private final Json json = new Json();
    private final ApiGateway api;
    private final AdminHandler admin;

    private final Object lifecycle = new Object();
    private HttpServer server;
    private ExecutorService executor;
    private boolean closed;

    private HamsaSimulator(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.apiKey = builder.apiKey;
        this.clock = builder.clock;
        this.rateLimiter = new RateLimiter(clock, builder.rateLimit);
        this.faultInjector = new FaultInjector(builder.faults);
        this.recorder = new RequestRecorder(builder.maxRecordedRequests);

        this.callLifecycle = new CallLifecycle(json, clock, builder.projectId, builder.callScript,
                () -> faultInjector.settings().seed(), this::firstToolOf);
        this.placer = new CallPlacer(agents, calls, callLifecycle, clock);

        this.knowledge = new KnowledgeBase(clock, builder.knowledgeStorageLimit, builder.knowledgeProcessingDelay);
        this.toolTester = new ToolTester(json);

        EnvelopeWriter envelopes = new EnvelopeWriter(builder.envelope, json);
        // Tools and knowledge first: the agents' /v2/voice-agents/{id} would take their fixed segments for ids.
        WebToolHandlers toolHandlers = new WebToolHandlers(tools, toolTester, json, clock);
        KnowledgeHandlers knowledgeHandlers = new KnowledgeHandlers(knowledge, agents, json);
        Router router = toolHandlers.routes(new Router());
        knowledgeHandlers.routes(router);
        new VoiceAgentHandlers(agents, new AgentJson(json, builder.envelope), json, clock, tools::exists,
                knowledge::exists).routes(router);
        new CallHandlers(calls, placer, json).routes(router);
        this.api = new ApiGateway(apiKey, clock, recorder, rateLimiter, faultInjector, scripted, router, envelopes, json);
        this.admin = new AdminHandler(faultInjector, rateLimiter, recorder, scripted,
                new CallAdmin(calls, callLifecycle, placer, json), knowledgeHandlers, toolHandlers, this::reset, envelopes, json);
    }

    private java.util.Optional<CallLifecycle.ToolUsed> firstToolOf(String agentId) {
        return agents.get(agentId).flatMap(agent -> agent.tools().stream().filter(tools::exists).findFirst()
                .map(id -> new CallLifecycle.ToolUsed(id, tools.get(id).name())));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns {@code this} so construction can be chained. */
    public HamsaSimulator start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("simulator is closed");
            }
            if (server != null) {
                throw new IllegalStateException("simulator is already started");
            }
            enableTcpNoDelay();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), daemonThreads());
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress(host, requestedPort), BACKLOG);
                http.setExecutor(pool);
                http.createContext("/", this::dispatch);
                http.start();
                server = http;
                executor = pool;
            } catch (IOException e) {
                pool.shutdownNow();
                throw new UncheckedIOException("cannot bind Hamsa simulator to " + host + ":" + requestedPort, e);
            }
            return this;
        }
    }

    private void dispatch(HttpExchange exchange) {
        if (AdminHandler.handles(exchange.getRequestURI().getPath())) {
            admin.handle(exchange);
        } else {
            api.handle(exchange);
        }
    }

    public int port() {
        synchronized (lifecycle) {
            if (server == null) {
                throw new IllegalStateException("simulator is not started");
            }
            return server.getAddress().getPort();
        }
    }

    /** Where clients should send requests; a wildcard bind address is reached through loopback. */
    public URI baseUri() {
        String reachable = switch (host) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> host;
        };
        if (reachable.contains(":") && !reachable.startsWith("[")) {
            reachable = "[" + reachable + "]";
        }
        return URI.create("http://" + reachable + ":" + port());
    }

    public String apiKey() {
        return apiKey;
    }

    public FaultSettings faults() {
        return faultInjector.settings();
    }

    /** Replaces the fault settings and re-seeds the random source. */
    public void setFaults(FaultSettings faults) {
        faultInjector.set(Objects.requireNonNull(faults, "faults"));
    }

    /** Replaces the rate limit (a sliding window of at least 1 ms); counts and statistics so far are dropped. */
    public void setRateLimit(int limit, Duration window) {
        rateLimiter.setPolicy(new RateLimiter.Policy(limit, window));
    }

    /** What the rate limiter has seen since its statistics were last zeroed; see {@link RateLimitStats}. */
    public RateLimitStats rateLimitStats() {
        return rateLimiter.stats();
    }

    /** Zeroes the rate-limit statistics (not the counts the limit is enforced with) and returns them as they were just before. */
    public RateLimitStats clearRateLimitStats() {
        return rateLimiter.clearStats();
    }

    /** Every recorded API request, oldest first. Admin requests are never recorded. */
    public List<RecordedRequest> recordedRequests() {
        return recorder.snapshot();
    }

    /**
     * Recorded API requests with the given method (case-insensitive) whose path starts with
     * {@code pathPrefix}; a {@code null} argument matches anything.
     */
    public List<RecordedRequest> recordedRequests(String method, String pathPrefix) {
        return recorder.snapshot().stream()
                .filter(r -> method == null || r.method().equalsIgnoreCase(method))
                .filter(r -> pathPrefix == null || r.path().startsWith(pathPrefix))
                .toList();
    }

    public void clearRecordedRequests() {
        recorder.clear();
    }

    /**
     * Back to a fresh state: no agents, no recorded requests, fresh rate-limit counts and statistics,
     * no faults or scripted failures (lost answers included), no calls (those still playing stop at
     * their next step), no webhook deliveries, and the call script the simulator was built with; no
     * knowledge items (those being processed are forgotten) or scripted knowledge failures, the
     * knowledge limit and delay it was built with; no web tools and no tool tests. The rate-limit
     * policy stays.
     */
    public void reset() {
        agents.clear();
        knowledge.reset();
        tools.clear();
        toolTester.clear();
        recorder.clear();
        rateLimiter.clear();
        faultInjector.set(FaultSettings.none());
        scripted.clear();
        calls.clear();
        callLifecycle.reset();
    }

    /**
     * The next authenticated API request is answered with this status (after the rate limit and auth,
     * before the random faults), in the configured envelope: 400 with field details, 403, 404, 429 with
     * {@code Retry-After}, 500, 503, 504, or any other 4xx/5xx.
     */
    public void failNext(int status) {
        failNext(status, 1);
    }

    /** The next {@code times} authenticated API requests are answered with this status. */
    public void failNext(int status, int times) {
        scripted.add(status, times);
    }

    /**
     * The next authenticated API request gets this status (429, 500, 502, 503 or 504) with this
     * {@code Retry-After}, in whole seconds.
     */
    public void failNext(int status, Duration retryAfter) {
        failNext(status, 1, retryAfter);
    }

    /** The next {@code times} authenticated API requests get this status (429, 500, 502, 503 or 504) with this {@code Retry-After}. */
    public void failNext(int status, int times, Duration retryAfter) {
        scripted.add(status, times, Objects.requireNonNull(retryAfter, "retryAfter").toSeconds());
    }

    /**
     * The next {@code times} authenticated API requests with this method and a path under this prefix are answered
     * with this status; other requests pass them by. For tests whose client also talks to Hamsa in the background.
     */
    public void failNextOn(String method, String pathPrefix, int status, int times) {
        scripted.add(status, times, null, Objects.requireNonNull(method, "method"),
                Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    /** As {@link #failNextOn(String, String, int, int)}, with this {@code Retry-After} (429, 500, 502, 503 or 504). */
    public void failNextOn(String method, String pathPrefix, int status, int times, Duration retryAfter) {
        scripted.add(status, times, Objects.requireNonNull(retryAfter, "retryAfter").toSeconds(),
                Objects.requireNonNull(method, "method"), Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    /**
     * The next authenticated API request has its connection closed without any answer, at once (no
     * injected latency). It takes its turn among the scripted failures.
     */
    public void dropNext() {
        dropNext(1);
    }

    /** The next {@code times} authenticated API requests have their connections closed without any answer. */
    public void dropNext(int times) {
        scripted.addDrops(times);
    }

    /**
     * The next API request that reaches its handler is handled (a call placed, an agent created), and
     * then its connection is closed without an answer, so the client cannot know that it took effect.
     * It is recorded with status {@link RecordedRequest#DROPPED}. Requests refused earlier (rate limit,
     * auth, scripted failures, faults) do not use it up.
     */
    public void loseNextAnswer() {
        scripted.addLostAnswers(1);
    }

    /** Forgets every scripted failure, drop and lost answer not yet used. */
    public void clearScriptedFailures() {
        scripted.clear();
    }

    public int agentCount() {
        return agents.count();
    }

    /** Every voice agent, oldest first, with its webhook's exact {@code Authorization} header. */
    public List<SimulatedAgent> agents() {
        return agents.all().stream().map(SimulatedAgent::of).toList();
    }

    /** The agent with this Hamsa id, with its webhook's exact {@code Authorization} header; empty when unknown. */
    public Optional<SimulatedAgent> agent(String hamsaAgentId) {
        return agents.get(Objects.requireNonNull(hamsaAgentId, "hamsaAgentId")).map(SimulatedAgent::of);
    }

    /** Every knowledge-base item, oldest first. */
    public List<KnowledgeItemView> knowledgeItems() {
        return knowledge.all().stream().map(KnowledgeItem::view).toList();
    }

    /** The bytes the knowledge items take against the storage quota, as their {@code size}s add up. */
    public long knowledgeStorageUsed() {
        return knowledge.used();
    }

    /** The account's knowledge storage quota in bytes; applies to requests from now on. */
    public void setKnowledgeStorageLimit(long bytes) {
        knowledge.setLimit(bytes);
    }

    /** How long an item takes from PROCESSING to its end; applies to processings started from now on. */
    public void setKnowledgeProcessingDelay(Duration delay) {
        knowledge.setDelay(delay);
    }

    /**
     * The next {@code count} knowledge items to finish processing end FAILED with this
     * {@code failureReason}, whichever items they are.
     */
    public void failNextKnowledgeItems(int count, String reason) {
        knowledge.failNext(count, reason);
    }

    /** Every request {@code test-api-tool} sent to a tool's server, oldest first (the last 10,000 are kept). */
    public List<ToolTestView> toolTests() {
        return toolTester.tests();
    }

    /** The {@code projectId} of every webhook this simulator sends. */
    public String projectId() {
        return callLifecycle.projectId();
    }

    /** How calls are played and their webhooks delivered; see {@link CallScript}. */
    public CallScript callScript() {
        return callLifecycle.script();
    }

    /** Applies to calls accepted from now on; calls already accepted keep the script they started with. */
    public void setCallScript(CallScript script) {
        callLifecycle.setScript(Objects.requireNonNull(script, "script"));
    }

    /**
     * Every accepted call and web conversation, oldest first, with where its webhooks go and the exact
     * {@code Authorization} header they carry.
     */
    public List<SimulatedCall> calls() {
        return calls.all().stream()
                .map(call -> new SimulatedCall(call.id(), call.voiceAgentId(), call.status(), call.webhookUrl(),
                        call.authorization(), json.toMap(call.params()), call.createdAt(), call.channel().name(),
                        call.webhook().source() == null ? null : call.webhook().source().name()))
                .toList();
    }

    /**
     * A browser joins the web conversation {@code jobId} (from {@code POST
     * /v1/voice-agents/conversation-init}): it plays from now, by the current call script, its
     * webhooks going to its agent's webhook. Until then it stays {@code PENDING}.
     *
     * @throws IllegalArgumentException when no conversation has this id
     * @throws IllegalStateException    when it is a phone call, or was joined already
     */
    public void joinConversation(String jobId) {
        try {
            placer.join(Objects.requireNonNull(jobId, "jobId"));
        } catch (ApiException e) {
            throw e.status() == 404
                    ? new IllegalArgumentException("no conversation " + jobId)
                    : new IllegalStateException(e.getMessage() + ": " + jobId);
        }
    }

    /**
     * A call Switchboard did not place, as if started from Hamsa's dashboard or a campaign: a phone
     * call with no webhook of its own, played at once by the current call script, its webhooks going
     * to its agent's webhook (nowhere when the agent has none). Returns its jobId.
     *
     * @param params JSON values (maps, lists, strings, numbers, booleans, nulls); null for none.
     *               {@code sim_outcome} chooses its outcome, as for any call
     * @throws IllegalArgumentException when the agent is unknown, {@code toNumber} is not E.164 or
     *                                  {@code params.sim_outcome} is not an outcome
     */
    public String placeOutsideCall(String hamsaAgentId, String toNumber, Map<String, Object> params) {
        ObjectNode body = json.object()
                .put("voiceAgentId", Objects.requireNonNull(hamsaAgentId, "hamsaAgentId"))
                .put("toNumber", Objects.requireNonNull(toNumber, "toNumber"));
        if (params != null) {
            body.set("params", json.fromMap(params));
        }
        try {
            return placer.placeOutsideCall(body).id();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.status() == 404
                    ? "unknown voice agent " + hamsaAgentId
                    : e.getMessage() + ": " + e.details());
        }
    }

    /** Every webhook delivery attempt, in the order they finished (the last 100,000 are kept). */
    public List<WebhookDelivery> webhookDeliveries() {
        return callLifecycle.dispatcher().deliveries();
    }

    public void clearWebhookDeliveries() {
        callLifecycle.dispatcher().clearDeliveries();
    }

    /**
     * Waits until no call is still playing its steps or delivering its webhooks (retries and backoffs
     * included). Returns false if {@code timeout} passed first; true at once after {@link #close()}.
     */
    public boolean awaitWebhooksIdle(Duration timeout) {
        try {
            return callLifecycle.activity().awaitIdle(Objects.requireNonNull(timeout, "timeout"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops serving at once; requests being delayed or hung by faults are abandoned, and so are calls
     * still playing and webhooks not yet delivered. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            callLifecycle.close();
            knowledge.close();
            if (server == null) {
                return;
            }
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Without TCP_NODELAY the JDK server's responses meet the client's delayed ACK and every request
     * on a kept-alive connection takes about 40 ms longer, which would distort latency and load runs.
     * The JDK reads this property once, when the first server in the JVM starts; an explicit
     * setting by the user is left alone.
     */
    private static void enableTcpNoDelay() {
        System.getProperties().putIfAbsent(NO_DELAY_PROPERTY, "true");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hamsa-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public static final class Builder {

        private int port = 0;
        private String host = "127.0.0.1";
        private String apiKey = "sim-key";
        private RateLimiter.Policy rateLimit = new RateLimiter.Policy(100, Duration.ofSeconds(60));
        private FaultSettings faults = FaultSettings.none();
        private Envelope envelope = Envelope.GUIDE;
        private Clock clock = Clock.systemUTC();
        private int maxRecordedRequests = 10_000;
        private String projectId = "proj_simulator";
        private CallScript callScript = CallScript.defaults();
        private long knowledgeStorageLimit = KnowledgeBase.DEFAULT_STORAGE_LIMIT;
        private Duration knowledgeProcessingDelay = KnowledgeBase.DEFAULT_PROCESSING_DELAY;

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        public Builder apiKey(String key) {
            this.apiKey = requireText(key, "apiKey");
            return this;
        }

        public Builder rateLimit(int limit, Duration window) {
            this.rateLimit = new RateLimiter.Policy(limit, window);
            return this;
        }

        public Builder faults(FaultSettings faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        public Builder envelope(Envelope envelope) {
            this.envelope = Objects.requireNonNull(envelope, "envelope");
            return this;
        }

        /** Drives agent timestamps, recorded-request times and rate-limit windows. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many API requests to keep; older ones are dropped first. Default 10,000. */
        public Builder maxRecordedRequests(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRecordedRequests must not be negative, was " + max);
            }
            this.maxRecordedRequests = max;
            return this;
        }

        /** The {@code projectId} its webhooks carry. Default {@code proj_simulator}. */
        public Builder projectId(String projectId) {
            this.projectId = requireText(projectId, "projectId");
            return this;
        }

        /** The call script it starts with, and goes back to on {@link HamsaSimulator#reset()}. */
        public Builder callScript(CallScript callScript) {
            this.callScript = Objects.requireNonNull(callScript, "callScript");
            return this;
        }

        /** The account's knowledge storage quota in bytes. Default 1 MiB, Hamsa's Free tier. */
        public Builder knowledgeStorageLimit(long bytes) {
            this.knowledgeStorageLimit = KnowledgeBase.requireLimit(bytes);
            return this;
        }

        /** How long a knowledge item takes from PROCESSING to COMPLETED or FAILED. Default 2 s. */
        public Builder knowledgeProcessingDelay(Duration delay) {
            this.knowledgeProcessingDelay = KnowledgeBase.requireDelay(delay);
            return this;
        }

        public HamsaSimulator build() {
            return new HamsaSimulator(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
