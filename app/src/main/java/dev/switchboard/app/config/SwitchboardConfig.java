package dev.switchboard.app.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
    }
}
