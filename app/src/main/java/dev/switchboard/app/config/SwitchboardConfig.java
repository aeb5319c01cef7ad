package dev.switchboard.app.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Switchboard's own settings. Hamsa's connection settings are the {@code hamsa.*} keys of the Hamsa adapter. */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

    Hamsa hamsa();

    Api api();

    Admin admin();

    Idempotency idempotency();

    OutboundUrls outboundUrls();

    Upstream upstream();

    Calls calls();

    Knowledge knowledge();

    /** Knowledge-base storage limits and the refresh of items Hamsa is processing (docs/configuration.md). */
    interface Knowledge {

        /** The Hamsa account's tier; its knowledge storage is the account's limit (FREE 1 MB ... ENTERPRISE 300 MB). */
        @WithDefault("FREE")
        String tier();

        /** The account's limit in bytes, when it is not the tier's (a negotiated quota). */
        Optional<io.quarkus.runtime.configuration.MemorySize> accountStorage();

        /** The budget of a team the operator gave none; without it, a team may use the whole account. */
        Optional<io.quarkus.runtime.configuration.MemorySize> defaultTeamBudget();

        /** The largest file taken; it must fit in quarkus.http.limits.max-body-size with the multipart framing. */
        @WithDefault("3M")
        io.quarkus.runtime.configuration.MemorySize maxFileSize();

        /** How often a replica asks Hamsa about items it is still processing. */
        @WithDefault("5s")
        String refreshEvery();

        /** How many items one refresh asks about. */
        @WithDefault("50")
        int refreshBatch();
    }

    /** Placing calls, taking Hamsa's webhooks, and the workers behind them (docs/configuration.md). */
    interface Calls {

        /**
         * Switchboard's address as Hamsa reaches it; each call's webhook URL is this plus
         * {@code /webhooks/hamsa/calls/<id>}, and each agent's (fixed when the agent is created) this plus
         * {@code /webhooks/hamsa/agents/<id>}. Required in prod.
         */
        URI webhookBaseUrl();

        /** Hamsa's project id; when set, an event naming another project is refused. */
        Optional<String> projectId();

        /** Whether this replica runs the dispatch, inbox and reconcile workers. */
        @WithDefault("true")
        boolean workersEnabled();

        Dispatch dispatch();

        Inbox inbox();

        Reconcile reconcile();
    }

    interface Dispatch {

        /** How often an idle replica looks for due calls (it keeps going while it finds full batches). */
        @WithDefault("500ms")
        Duration every();

        @WithDefault("20")
        int batch();

        /** How long a worker holds a call it is sending; after that, another replica may take it. */
        @WithDefault("2m")
        Duration lease();

        /**
         * The most one dispatch may spend queueing for quota and retrying; well under the lease, so a job is
         * taken again only once its worker can no longer send it.
         */
        @WithDefault("45s")
        Duration maxDuration();

        /** The wait after a failed dispatch, doubled each time (up to 32 times). */
        @WithDefault("5s")
        Duration retryDelay();

        @WithDefault("8")
        int maxAttempts();
    }

    interface Inbox {

        @WithDefault("200ms")
        Duration every();

        @WithDefault("1000")
        int batch();

        /** Failures after which an event goes to the dead letters. */
        @WithDefault("5")
        int maxAttempts();

        /** The wait after a failed apply, doubled each time up to {@code max-retry-delay}. */
        @WithDefault("1s")
        Duration retryDelay();

        @WithDefault("5m")
        Duration maxRetryDelay();
    }

    interface Reconcile {

        @WithDefault("30s")
        Duration every();

        @WithDefault("50")
        int batch();

        /** A call not ended this long after Hamsa accepted it is looked up on Hamsa. */
        @WithDefault("30m")
        Duration maxCallDuration();

        /** How long before a call still in progress on Hamsa is looked up again. */
        @WithDefault("5m")
        Duration recheck();
    }

    /** How every call to Hamsa is paced, queued, retried and cut off (docs/configuration.md). */
    interface Upstream {

        Quota quota();

        Queue queue();

        Retry retry();

        Breaker breaker();
    }

    /** Hamsa's request quota, which belongs to the API key and so to every replica together. */
    interface Quota {

        /** Requests Hamsa allows per window (HAMSA-API.md: 100 a minute). */
        @WithDefault("100")
        int limit();

        @WithDefault("60s")
        Duration window();

        /** Requests per window left unspent, so delays between Switchboard and Hamsa cannot make Hamsa count one too many. */
        @WithDefault("2")
        int headroom();

        /** {@code shared}: one budget in Redis for all replicas. {@code per-replica}: each replica spends the whole limit alone (the naive baseline of bench/quota; never in prod). */
        @WithDefault("shared")
        QuotaMode mode();

        /** The part of the quota one replica spends on its own while Redis cannot be reached: about 1 / replicas. */
        @WithDefault("0.25")
        double fallbackShare();

        /** How long a replica keeps to its own share after Redis failed before it asks Redis again. */
        @WithDefault("5s")
        Duration fallbackRecheck();
    }

    enum QuotaMode {
        SHARED, PER_REPLICA
    }

    /** The per-replica queue in front of Hamsa. */
    interface Queue {

        /** Hamsa calls one replica has in flight at once. */
        @WithDefault("8")
        int maxConcurrency();

        /**
         * The longest one request of a team waits for a slot and a quota permit, and the longest Retry-After
         * it waits out; past it the team gets 503 with Retry-After. Background work waits.
         */
        @WithDefault("5s")
        Duration interactiveMaxWait();
    }

    /** Retries of Hamsa calls that failed for a reason a retry can cure (429, 5xx, network). */
    interface Retry {

        /** Retries after the first attempt: 4 gives the 1, 2, 4, 8 s schedule. */
        @WithDefault("4")
        int maxRetries();

        @WithDefault("1s")
        Duration initialDelay();

        /** Up to this fraction of each delay is added at random, so replicas do not retry in step. */
        @WithDefault("0.2")
        double jitter();

        /**
         * The most time a team's request spends on Hamsa, its waits and retries together: no retry or queue
         * wait starts past it. A last attempt started just before may add the connect and read timeouts.
         */
        @WithDefault("30s")
        Duration interactiveMaxDuration();
    }

    /** One circuit breaker per group of Hamsa operations. */
    interface Breaker {

        /** Calls in the rolling window the failure ratio is taken over. */
        @WithDefault("10")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets trial calls through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    /** The one guard every URL a team gives passes (tool servers, knowledge sources, webhook endpoints). */
    interface OutboundUrls {

        /** Plain http as well as https: for dev and test only, where local receivers have no certificate. */
        @WithDefault("false")
        boolean allowHttp();

        /** Exact {@code host:port} entries whose addresses are not checked (a local test receiver); none in prod. */
        Optional<Set<String>> trustedHosts();
    }

    /** The operator's API. */
    interface Admin {

        /**
         * The bearer token of {@code /api/v1/admin} (SWITCHBOARD_ADMIN_TOKEN), at least 32 characters;
         * without one the admin API refuses everyone. Read by the web adapter's {@code AdminToken}.
         */
        Optional<String> token();
    }

    /** {@code Idempotency-Key} handling. */
    interface Idempotency {

        /** How long a completed request's answer is replayed. */
        @WithDefault("24h")
        Duration retention();

        /**
         * How long a running first request holds its key. Longer than any request can run; if the
         * replica dies mid-request, a retry after this runs the request again.
         */
        @WithDefault("2m")
        Duration lease();
    }

    /** The teams' API. */
    interface Api {

        /** Larger request bodies answer 413 (read by the web adapter's {@code BodySizeLimit}). */
        @WithDefault("256K")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /**
         * Larger knowledge uploads (multipart) answer 413 before their body is read: the largest file
         * ({@code switchboard.knowledge.max-file-size}) and room for the form's framing.
         */
        @WithDefault("3200K")
        io.quarkus.runtime.configuration.MemorySize maxUploadSize();

        /** Requests a minute per team, unless the team has its own limit (set through the admin API). */
        @WithDefault("600")
        int defaultRequestsPerMinute();
    }

    interface Hamsa {

        Sandbox sandbox();
    }

    /**
     * Sandbox mode: app starts the Hamsa simulator in-process and points the Hamsa adapter at it, so no
     * real call, agent or charge ever reaches Hamsa. On by default in dev and test, off in prod.
     */
    interface Sandbox {

        @WithDefault("false")
        boolean enabled();

        @WithDefault("8089")
        int port();

        /** The key the simulator expects; not a secret, it guards nothing real. */
        @WithDefault("sandbox-key")
        String apiKey();

        /** Requests per window the simulator allows, as Hamsa does (100 a minute). */
        @WithDefault("100")
        int rateLimit();

        @WithDefault("60s")
        Duration rateWindow();

        /** How long the simulated Hamsa takes to process a knowledge item. */
        @WithDefault("2s")
        Duration knowledgeProcessingDelay();
    }
}
