package dev.switchboard.app.sandbox;

import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.domain.model.KnowledgeLimits;
import dev.switchboard.simulator.HamsaSimulator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the embedded Hamsa simulator in sandbox mode, before any request can reach the Hamsa adapter.
 * Outside sandbox mode it refuses to start without a Hamsa API key, rather than fail on the first call.
 */
@ApplicationScoped
public class HamsaSandbox {

    private static final Logger LOG = Logger.getLogger(HamsaSandbox.class);

    private final SwitchboardConfig.Sandbox config;
    private final Optional<String> hamsaApiKey;
    private final long knowledgeStorage;
    private volatile HamsaSimulator simulator;

    HamsaSandbox(SwitchboardConfig config, @ConfigProperty(name = "hamsa.api-key") Optional<String> hamsaApiKey,
                 KnowledgeLimits knowledgeLimits) {
        this.config = config.hamsa().sandbox();
        this.hamsaApiKey = hamsaApiKey;
        // The sandbox account holds what the configured tier holds, as the real one would.
        this.knowledgeStorage = knowledgeLimits.accountLimitBytes();
    }

    void start(@Observes @Priority(1) StartupEvent event) {
        if (!config.enabled()) {
            if (hamsaApiKey.filter(k -> !k.isBlank()).isEmpty()) {
                throw new IllegalStateException("No Hamsa API key is configured and sandbox mode is off. "
                        + "Set HAMSA_API_KEY to the key of your Hamsa account, or set "
                        + "SWITCHBOARD_HAMSA_SANDBOX_ENABLED=true to run against the built-in Hamsa simulator.");
            }
            return;
        }
        simulator = HamsaSimulator.builder()
                .port(config.port())
                .apiKey(config.apiKey())
                .rateLimit(config.rateLimit(), config.rateWindow())
                .knowledgeStorageLimit(knowledgeStorage)
                .knowledgeProcessingDelay(config.knowledgeProcessingDelay())
                .build()
                .start();
        LOG.warn("""

                ************************************************************************
                *  SANDBOX MODE: Hamsa is simulated in-process at %s
                *  No real call is placed, no real agent is created, nothing is billed.
                *  Set switchboard.hamsa.sandbox.enabled=false and HAMSA_API_KEY for the real Hamsa.
                ************************************************************************""".formatted(simulator.baseUri()));
    }

    void stop(@Observes ShutdownEvent event) {
        HamsaSimulator running = simulator;
        if (running != null) {
            running.close();
            simulator = null;
        }
    }

    /** The running simulator, when in sandbox mode: tests use it to see what "Hamsa" received. */
    public Optional<HamsaSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }
}
