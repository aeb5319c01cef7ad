package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeItemNotFoundException;
import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The knowledge-item repository in memory, obeying the same contract as the Postgres one. Every method is
 * synchronized, so a check of the limits and the write it allows are one step, as the real one's are.
 */
public final class InMemoryKnowledgeItemRepository implements KnowledgeItemRepository {

    private static final Comparator<KnowledgeItem> ORDER =
            Comparator.comparing(KnowledgeItem::createdAt).thenComparing(i -> i.id().toString());
    private static final Comparator<KnowledgeItem> LEAST_RECENTLY_UPDATED =
            Comparator.comparing(KnowledgeItem::updatedAt).thenComparing(i -> i.id().toString());
    private static final String CURSOR_PREFIX = "kb1|";

    private final Map<KnowledgeItemId, KnowledgeItem> items = new LinkedHashMap<>();
    private final Map<TeamId, Long> budgets = new HashMap<>();

    @Override
    public synchronized void reserve(KnowledgeItem item, long defaultTeamBudgetBytes, long accountLimitBytes) {
        if (items.containsKey(item.id())) {
            throw new IllegalStateException("knowledge item already stored: " + item.id());
        }
        storage(item.team(), defaultTeamBudgetBytes, accountLimitBytes).checkFits(item.sizeBytes());
        items.put(item.id(), item);
    }

    @Override
    public synchronized void update(KnowledgeItem item) {
        checkNextVersion(item);
        items.put(item.id(), item);
    }

    @Override
    public synchronized void updateWithin(KnowledgeItem item, long defaultTeamBudgetBytes, long accountLimitBytes) {
        KnowledgeItem stored = checkNextVersion(item);
        storage(item.team(), defaultTeamBudgetBytes, accountLimitBytes).checkFits(item.sizeBytes() - stored.sizeBytes());
        items.put(item.id(), item);
    }

    private KnowledgeItem checkNextVersion(KnowledgeItem item) {
        KnowledgeItem stored = items.get(item.id());
        if (stored == null || !stored.team().equals(item.team())) {
            throw new KnowledgeItemNotFoundException(item.id());
        }
        if (stored.version() != item.version() - 1) {
            throw new ConcurrentUpdateException("knowledge item", item.id().toString(), item.version() - 1);
        }
        return stored;
    }

    @Override
    public synchronized void delete(TeamId team, KnowledgeItemId id) {
        KnowledgeItem stored = items.get(id);
        if (stored != null && stored.team().equals(team)) {
            items.remove(id);
        }
    }

    @Override
    public synchronized Optional<KnowledgeItem> findById(TeamId team, KnowledgeItemId id) {
        return Optional.ofNullable(items.get(id)).filter(i -> i.team().equals(team));
    }

    @Override
    public synchronized Page<KnowledgeItem> list(TeamId team, PageRequest request) {
        List<KnowledgeItem> sorted = items.values().stream().filter(i -> i.team().equals(team)).sorted(ORDER).toList();
        List<KnowledgeItem> after = request.cursor().map(InMemoryKnowledgeItemRepository::decode)
                .map(c -> sorted.stream().filter(c::isBefore).toList())
                .orElse(sorted);
        List<KnowledgeItem> page = after.stream().limit(request.limit()).toList();
        Optional<String> next = after.size() > request.limit()
                ? Optional.of(encode(page.get(page.size() - 1))) : Optional.empty();
        return new Page<>(page, next);
    }

    @Override
    public synchronized List<KnowledgeItem> settling(int max) {
        List<KnowledgeItem> claimed = items.values().stream()
                .filter(i -> i.hamsaItemId() != null && i.status().settling())
                .sorted(java.util.Comparator.<KnowledgeItem>comparingLong(i -> checked.getOrDefault(i.id(), 0L))
                        .thenComparing(LEAST_RECENTLY_UPDATED))
                .limit(max)
                .toList();
        claimed.forEach(i -> checked.put(i.id(), ++claims));
        return claimed.stream().sorted(LEAST_RECENTLY_UPDATED).toList();
    }

    /** When each item was last handed out by {@link #settling}, as a sequence number: 0 for never. */
    private final java.util.Map<KnowledgeItemId, Long> checked = new java.util.HashMap<>();
    private long claims;

    @Override
    public synchronized KnowledgeStorage storage(TeamId team, long defaultTeamBudgetBytes, long accountLimitBytes) {
        long teamUsed = items.values().stream().filter(i -> i.team().equals(team)).mapToLong(KnowledgeItem::sizeBytes).sum();
        long accountUsed = items.values().stream().mapToLong(KnowledgeItem::sizeBytes).sum();
        return new KnowledgeStorage(teamUsed, budgets.getOrDefault(team, defaultTeamBudgetBytes), accountUsed,
                accountLimitBytes);
    }

    @Override
    public synchronized void setTeamBudget(TeamId team, Long budgetBytes) {
        if (budgetBytes == null) {
            budgets.remove(team);
        } else {
            budgets.put(team, budgetBytes);
        }
    }

    public synchronized void clear() {
        items.clear();
        budgets.clear();
    }

    private static String encode(KnowledgeItem last) {
        return CURSOR_PREFIX + last.createdAt() + "|" + last.id();
    }

    private record Cursor(Instant createdAt, UUID id) {
        boolean isBefore(KnowledgeItem item) {
            int byTime = item.createdAt().compareTo(createdAt);
            return byTime > 0 || (byTime == 0 && item.id().toString().compareTo(id.toString()) > 0);
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
