package dev.switchboard.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** Voice agents in memory. A sequence number per agent keeps listing in creation order. */
final class AgentStore {

    record Page(int total, List<Agent> agents) {
    }

    private record Slot(long sequence, Agent agent) {
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    Agent add(Agent agent) {
        slots.put(agent.id(), new Slot(sequence.incrementAndGet(), agent));
        return agent;
    }

    Optional<Agent> get(String id) {
        Slot slot = slots.get(id);
        return slot == null ? Optional.empty() : Optional.of(slot.agent());
    }

    /** Atomic per agent, so concurrent patches never lose one another's fields. */
    Optional<Agent> update(String id, UnaryOperator<Agent> change) {
        Slot slot = slots.computeIfPresent(id, (key, current) -> new Slot(current.sequence(), change.apply(current.agent())));
        return slot == null ? Optional.empty() : Optional.of(slot.agent());
    }

    /** A deleted knowledge item leaves every agent that used it. */
    void dropKnowledgeItem(String itemId) {
        slots.replaceAll((id, slot) -> {
            Agent kept = slot.agent().withoutKnowledgeItem(itemId);
            return kept == slot.agent() ? slot : new Slot(slot.sequence(), kept);
        });
    }

    /** {@code page} is 1-based. */
    Page page(int page, int perPage) {
        List<Agent> ordered = slots.values().stream()
                .sorted(Comparator.comparingLong(Slot::sequence))
                .map(Slot::agent)
                .toList();
        long from = Math.min((long) (page - 1) * perPage, ordered.size());
        long to = Math.min(from + perPage, ordered.size());
        return new Page(ordered.size(), ordered.subList((int) from, (int) to));
    }

    /** Oldest first. */
    List<Agent> all() {
        return slots.values().stream().sorted(Comparator.comparingLong(Slot::sequence)).map(Slot::agent).toList();
    }

    int count() {
        return slots.size();
    }

    void clear() {
        slots.clear();
    }
}
