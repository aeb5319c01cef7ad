package dev.switchboard.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class TeamRows implements PanacheRepositoryBase<TeamEntity, UUID> {
}
