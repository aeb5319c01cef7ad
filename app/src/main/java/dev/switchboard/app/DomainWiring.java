package dev.switchboard.app;

import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import dev.switchboard.domain.service.VoiceAgentService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the plain-Java domain services from the out-ports the adapters provide. The only place where
 * use cases meet their adapters; it knows them by port type alone.
 */
public class DomainWiring {

    /** Microsecond ticks: what Postgres keeps, so an agent reads back exactly as it was written. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** One service implements the five agent use cases; CDI exposes it under each in-port type. */
    @Produces
    @Singleton
    VoiceAgentService voiceAgentService(VoiceAgentPlatform platform, VoiceAgentRepository repository, Clock clock) {
        return new VoiceAgentService(platform, repository, clock);
    }
}
