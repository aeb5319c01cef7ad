package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.VoiceAgentNotFoundException;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The agent repository in memory, obeying the same contract as the Postgres one. */
public final class InMemoryVoiceAgentRepository implements VoiceAgentRepository {

    private static final Comparator<VoiceAgent> ORDER =
            Comparator.comparing(VoiceAgent::createdAt).thenComparing(a -> a.id().toString());

    private final Map<VoiceAgentId, VoiceAgent> agents = new ConcurrentHashMap<>();

    @Override
    public synchronized void insert(VoiceAgent agent) {
        if (agent.externalId() != null) {
            findByExternalId(agent.team(), agent.externalId()).ifPresent(existing -> {
                throw new DuplicateExternalIdException(agent.externalId(), existing.id());
            });
        }
        if (agents.putIfAbsent(agent.id(), agent) != null) {
            throw new IllegalStateException("agent already stored: " + agent.id());
        }
    }

    @Override
    public synchronized void update(VoiceAgent agent) {
        VoiceAgent stored = agents.get(agent.id());
        if (stored == null) {
            throw new VoiceAgentNotFoundException(agent.id());
        }
        if (stored.version() != agent.version() - 1) {
            throw new ConcurrentUpdateException(agent.id(), agent.version() - 1);
        }
        agents.put(agent.id(), agent);
    }

    @Override
    public Optional<VoiceAgent> findById(TeamId team, VoiceAgentId id) {
        return Optional.ofNullable(agents.get(id)).filter(a -> a.team().equals(team));
    }

    @Override
    public Optional<VoiceAgent> findByExternalId(TeamId team, String externalId) {
        return agents.values().stream()
                .filter(a -> a.team().equals(team) && externalId.equals(a.externalId())).findFirst();
    }

    @Override
    public Optional<VoiceAgent> findByHamsaId(TeamId team, dev.switchboard.domain.model.HamsaAgentId hamsaAgentId) {
        return agents.values().stream()
                .filter(a -> a.team().equals(team) && a.hamsaAgentId().equals(hamsaAgentId)).findFirst();
    }

    @Override
    public List<dev.switchboard.domain.model.VoiceAgentId> usingKnowledgeItem(TeamId team,
                                                                            dev.switchboard.domain.model.KnowledgeItemId item) {
        return agents.values().stream().filter(a -> a.team().equals(team) && a.attachments().uses(item))
                .sorted(ORDER).map(VoiceAgent::id).toList();
    }

    @Override
    public Page<VoiceAgent> list(TeamId team, PageRequest request) {
        List<VoiceAgent> sorted = agents.values().stream().filter(a -> a.team().equals(team)).sorted(ORDER).toList();
        List<VoiceAgent> after = request.cursor().map(InMemoryVoiceAgentRepository::decode)
                .map(c -> sorted.stream().filter(c::isBefore).toList())
                .orElse(sorted);
        List<VoiceAgent> items = after.stream().limit(request.limit()).toList();
        Optional<String> next = after.size() > request.limit()
                ? Optional.of(encode(items.get(items.size() - 1))) : Optional.empty();
        return new Page<>(items, next);
    }

    public void clear() {
        agents.clear();
    }

    private static String encode(VoiceAgent last) {
        return last.createdAt() + "|" + last.id();
    }

    private record Cursor(Instant createdAt, UUID id) {
        boolean isBefore(VoiceAgent agent) {
            int byTime = agent.createdAt().compareTo(createdAt);
            return byTime > 0 || (byTime == 0 && agent.id().toString().compareTo(id.toString()) > 0);
        }
    }

    private static Cursor decode(String cursor) {
        try {
            String[] parts = cursor.split("\\|", 2);
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }
}
