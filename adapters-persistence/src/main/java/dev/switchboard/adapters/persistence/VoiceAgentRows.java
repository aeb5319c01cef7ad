package dev.switchboard.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to {@code voice_agent}; kept apart so the port implementation shows only domain types. */
@ApplicationScoped
class VoiceAgentRows implements PanacheRepositoryBase<VoiceAgentEntity, UUID> {
}
