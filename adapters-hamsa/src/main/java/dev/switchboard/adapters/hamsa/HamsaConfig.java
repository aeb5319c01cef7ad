package dev.switchboard.adapters.hamsa;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How to reach Hamsa. {@code HAMSA_API_KEY} in the environment sets the key. */
@ConfigMapping(prefix = "hamsa")
public interface HamsaConfig {

    @WithDefault("https://api.tryhamsa.com")
    URI baseUrl();

    /** Sent as {@code Authorization: Token <key>}; never logged. */
    Optional<String> apiKey();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Upper bound on one Hamsa call; past it the call fails as a timeout. */
    @WithDefault("10s")
    Duration readTimeout();

    /** Agents asked for per page when walking Hamsa's agent list. */
    @WithDefault("100")
    int pageSize();
}
