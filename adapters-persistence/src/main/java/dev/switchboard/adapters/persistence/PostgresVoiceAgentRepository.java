package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.KnowledgeItemId;
import java.util.UUID;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.VoiceAgentNotFoundException;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** The agent mirror on Postgres. Each method is its own transaction, so the domain needs no JTA. */
@ApplicationScoped
class PostgresVoiceAgentRepository implements VoiceAgentRepository {

    private static final String EXTERNAL_ID_KEY = "voice_agent_team_external_id_key";

    private final VoiceAgentRows rows;

    PostgresVoiceAgentRepository(VoiceAgentRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(VoiceAgent agent) {
        try {
            QuarkusTransaction.requiringNew().run(() -> rows.persistAndFlush(VoiceAgentMapper.toEntity(agent)));
        } catch (RuntimeException e) {
            if (agent.externalId() != null && violates(e, EXTERNAL_ID_KEY)) {
                // Lost a race with another request using the same externalId: name the winner.
                VoiceAgentId winner = findByExternalId(agent.team(), agent.externalId()).map(VoiceAgent::id).orElseThrow(() -> e);
                throw new DuplicateExternalIdException(agent.externalId(), winner);
            }
            throw e;
        }
    }

    @Override
    public void update(VoiceAgent agent) {
        VoiceAgentEntity e = VoiceAgentMapper.toEntity(agent);
        int updated = QuarkusTransaction.requiringNew().call(() -> rows.update(
                "name = :name, greeting = :greeting, preamble = :preamble, language = :language,"
                        + " voiceId = :voiceId, externalId = :externalId, updatedAt = :updatedAt, version = :version,"
                        + " knowledgeItemIds = :knowledge, hamsaKnowledgeItemIds = :hamsaKnowledge,"
                        + " webToolIds = :tools, hamsaToolIds = :hamsaTools"
                        + " where id = :id and version = :previous",
                Parameters.with("name", e.name).and("greeting", e.greeting).and("preamble", e.preamble)
                        .and("language", e.language).and("voiceId", e.voiceId).and("externalId", e.externalId)
                        .and("updatedAt", e.updatedAt).and("version", e.version).and("id", e.id)
                        .and("previous", e.version - 1).and("knowledge", e.knowledgeItemIds)
                        .and("hamsaKnowledge", e.hamsaKnowledgeItemIds).and("tools", e.webToolIds)
                        .and("hamsaTools", e.hamsaToolIds)));
        if (updated == 0) {
            if (findById(agent.team(), agent.id()).isEmpty()) {
                throw new VoiceAgentNotFoundException(agent.id());
            }
            throw new ConcurrentUpdateException(agent.id(), agent.version() - 1);
        }
    }

    @Override
    public Optional<VoiceAgent> findById(TeamId team, VoiceAgentId id) {
        return QuarkusTransaction.joiningExisting().call(() -> rows.find("id = ?1 and teamId = ?2", id.value(), team.value())
                .firstResultOptional().map(VoiceAgentMapper::toDomain));
    }

    @Override
    public Optional<VoiceAgent> findByExternalId(TeamId team, String externalId) {
        return QuarkusTransaction.joiningExisting().call(() -> rows.find("teamId = ?1 and externalId = ?2", team.value(), externalId)
                .firstResultOptional().map(VoiceAgentMapper::toDomain));
    }

    @Override
    public Optional<VoiceAgent> findByHamsaId(TeamId team, dev.switchboard.domain.model.HamsaAgentId hamsaAgentId) {
        // On the webhook path: answered within Hamsa's 5 s, and a database out of reach is a 503 (Hamsa retries).
        try {
            return QuarkusTransaction.joiningExisting().call(() -> rows.find("teamId = ?1 and hamsaAgentId = ?2",
                            team.value(), hamsaAgentId.value()).withHint("jakarta.persistence.query.timeout", 3_000)
                    .firstResultOptional().map(VoiceAgentMapper::toDomain));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql) {
                    throw Jdbc.translate(sql);
                }
            }
            throw e;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<VoiceAgentId> usingKnowledgeItem(TeamId team, KnowledgeItemId item) {
        // Native: array containment has no portable HQL form; the GIN index answers it.
        List<UUID> ids = QuarkusTransaction.joiningExisting().call(() -> rows.getEntityManager()
                .createNativeQuery("SELECT id FROM voice_agent WHERE team_id = ?1 AND knowledge_item_ids @> ARRAY[?2]::uuid[]"
                        + " ORDER BY created_at, id", UUID.class)
                .setParameter(1, team.value()).setParameter(2, item.value())
                .getResultList());
        return ids.stream().map(VoiceAgentId::new).toList();
    }

    @Override
    public Page<VoiceAgent> list(TeamId team, PageRequest request) {
        Optional<KeysetCursor> after = request.cursor().map(KeysetCursor::decode);
        // One row more than asked tells whether another page follows, without a count query.
        List<VoiceAgentEntity> found = QuarkusTransaction.joiningExisting().call(() -> after
                .map(c -> rows.find("teamId = ?3 and (createdAt > ?1 or (createdAt = ?1 and id > ?2)) order by createdAt, id",
                        c.createdAt(), c.id(), team.value()))
                .orElseGet(() -> rows.find("teamId = ?1 order by createdAt, id", team.value()))
                .range(0, request.limit())
                .list());
        return KeysetCursor.page(found, request.limit(), e -> new KeysetCursor(e.createdAt, e.id))
                .map(VoiceAgentMapper::toDomain);
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && constraint.equals(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
