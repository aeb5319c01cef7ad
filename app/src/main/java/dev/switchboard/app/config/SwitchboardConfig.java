package dev.switchboard.app.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Switchboard's own settings. Hamsa's connection settings are the {@code hamsa.*} keys of the Hamsa adapter. */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

    Hamsa hamsa();

    Api api();

    /** The teams' API. */
    interface Api {

        /** Larger request bodies answer 413 (read by the web adapter's {@code BodySizeLimit}). */
        @WithDefault("256K")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();
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
