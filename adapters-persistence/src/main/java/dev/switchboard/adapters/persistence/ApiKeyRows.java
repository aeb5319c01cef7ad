package dev.switchboard.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class ApiKeyRows implements PanacheRepositoryBase<ApiKeyEntity, UUID> {
}
