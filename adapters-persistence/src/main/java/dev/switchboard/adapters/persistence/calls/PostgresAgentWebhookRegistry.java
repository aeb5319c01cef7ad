package dev.switchboard.adapters.persistence.calls;

import dev.switchboard.adapters.persistence.Jdbc;
import dev.switchboard.domain.model.AgentWebhook;
import dev.switchboard.domain.model.AgentWebhookId;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.AgentWebhookRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Agent-level webhooks on Postgres, in plain JDBC like the rest of the webhook path. A webhook never changes once
 * made, so the receiver keeps the ones it has read (bounded, emptied when full, like the call targets).
 */
@ApplicationScoped
public class PostgresAgentWebhookRegistry implements AgentWebhookRegistry {

    static final int MAX_KEPT = 10_000;

    private final Jdbc jdbc;
    private final KeptRows<AgentWebhookId, AgentWebhook> kept = new KeptRows<>(MAX_KEPT);

    PostgresAgentWebhookRegistry(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void register(AgentWebhook webhook) {
        jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO agent_webhook (id, team_id, secret_digest, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, webhook.id().value());
                ps.setObject(2, webhook.team().value());
                ps.setString(3, webhook.secretDigest());
                ps.setTimestamp(4, Jdbc.ts(webhook.createdAt()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<AgentWebhook> find(AgentWebhookId id) {
        AgentWebhook known = kept.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<AgentWebhook> found = jdbc.autocommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT team_id, secret_digest, created_at FROM agent_webhook WHERE id = ?")) {
                // the receiver answers within Hamsa's 5 s: a database that hangs is a 503, not a stuck request
                ps.setQueryTimeout(3);
                ps.setObject(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new AgentWebhook(id, new TeamId(rs.getObject(1, UUID.class)), rs.getString(2),
                                    Jdbc.instant(rs.getTimestamp(3))))
                            : Optional.empty();
                }
            }
        });
        found.ifPresent(webhook -> kept.keep(id, webhook));
        return found;
    }
}
