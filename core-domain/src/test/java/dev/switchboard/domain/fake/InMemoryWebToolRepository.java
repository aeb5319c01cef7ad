package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.model.WebToolNameTakenException;
import dev.switchboard.domain.model.WebToolNotFoundException;
import dev.switchboard.domain.port.out.WebToolRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The web-tool repository in memory, obeying the same contract as the Postgres one. A second tool with a
 * name its team already uses is refused, as the real one's unique index refuses it.
 */
public final class InMemoryWebToolRepository implements WebToolRepository {

    private static final Comparator<WebTool> ORDER =
            Comparator.comparing(WebTool::createdAt).thenComparing(t -> t.id().toString());
    private static final String CURSOR_PREFIX = "wt1|";

    private final Map<WebToolId, WebTool> tools = new LinkedHashMap<>();

    @Override
    public synchronized void insert(WebTool tool) {
        if (tools.containsKey(tool.id())) {
            throw new IllegalStateException("web tool already stored: " + tool.id());
        }
        findByName(tool.team(), tool.definition().name()).ifPresent(existing -> {
            throw new WebToolNameTakenException(tool.definition().name(), existing.id());
        });
        tools.put(tool.id(), tool);
    }

    @Override
    public synchronized void update(WebTool tool) {
        WebTool stored = tools.get(tool.id());
        if (stored == null || !stored.team().equals(tool.team())) {
            throw new WebToolNotFoundException(tool.id());
        }
        if (stored.version() != tool.version() - 1) {
            throw new ConcurrentUpdateException("web tool", tool.id().toString(), tool.version() - 1);
        }
        findByName(tool.team(), tool.definition().name()).filter(t -> !t.id().equals(tool.id())).ifPresent(existing -> {
            throw new WebToolNameTakenException(tool.definition().name(), existing.id());
        });
        tools.put(tool.id(), tool);
    }

    @Override
    public synchronized Optional<WebTool> findById(TeamId team, WebToolId id) {
        return Optional.ofNullable(tools.get(id)).filter(t -> t.team().equals(team));
    }

    @Override
    public synchronized Optional<WebTool> findByName(TeamId team, String name) {
        return tools.values().stream()
                .filter(t -> t.team().equals(team) && t.definition().name().equals(name)).findFirst();
    }

    @Override
    public synchronized Page<WebTool> list(TeamId team, PageRequest request) {
        List<WebTool> sorted = tools.values().stream().filter(t -> t.team().equals(team)).sorted(ORDER).toList();
        List<WebTool> after = request.cursor().map(InMemoryWebToolRepository::decode)
                .map(c -> sorted.stream().filter(c::isBefore).toList())
                .orElse(sorted);
        List<WebTool> page = after.stream().limit(request.limit()).toList();
        Optional<String> next = after.size() > request.limit()
                ? Optional.of(encode(page.get(page.size() - 1))) : Optional.empty();
        return new Page<>(page, next);
    }

    public synchronized void clear() {
        tools.clear();
    }

    private static String encode(WebTool last) {
        return CURSOR_PREFIX + last.createdAt() + "|" + last.id();
    }

    private record Cursor(Instant createdAt, UUID id) {
        boolean isBefore(WebTool tool) {
            int byTime = tool.createdAt().compareTo(createdAt);
            return byTime > 0 || (byTime == 0 && tool.id().toString().compareTo(id.toString()) > 0);
        }
    }

    private static Cursor decode(String cursor) {
        try {
            if (!cursor.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException("not ours");
            }
            String[] parts = cursor.substring(CURSOR_PREFIX.length()).split("\\|", 2);
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }
}
