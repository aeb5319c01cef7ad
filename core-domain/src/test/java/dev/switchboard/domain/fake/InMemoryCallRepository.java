package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallNotCancellableException;
import dev.switchboard.domain.model.CallNotFoundException;
import dev.switchboard.domain.model.DispatchJob;
import dev.switchboard.domain.model.DuplicateCallExternalIdException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebhookTarget;
import dev.switchboard.domain.port.out.CallDispatchQueue;
import dev.switchboard.domain.port.out.CallRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Calls and their dispatch jobs in memory, in one store as the database keeps them: a job is stored with its call
 * and removed when its call is completed or cancelled. Leases expire by the injected clock.
 */
public final class InMemoryCallRepository implements CallRepository, CallDispatchQueue {

    /** Where a call sorts in a list: newest first, ties broken by id. */
    private record ListKey(Instant createdAt, String id) {
        static final Comparator<ListKey> NEWEST_FIRST =
                Comparator.comparing(ListKey::createdAt).thenComparing(ListKey::id).reversed();

        static ListKey of(Call call) {
            return new ListKey(call.createdAt(), call.id().toString());
        }
    }

    private final Clock clock;
    private final Map<CallId, Row> rows = new LinkedHashMap<>();
    private final Map<CallId, Job> jobs = new LinkedHashMap<>();
    private long sequence;

    public InMemoryCallRepository(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static final class Row {
        Call call;
        final String sealedSecret;
        final String secretDigest;
        Instant nextCheckAt;

        Row(Call call, String sealedSecret, String secretDigest) {
            this.call = call;
            this.sealedSecret = sealedSecret;
            this.secretDigest = secretDigest;
        }
    }

    private static final class Job {
        final long seq;
        Instant dueAt;
        int attempts;
        String leaseOwner;
        Instant leaseExpiresAt;
        String lastError;

        Job(long seq, Instant dueAt) {
            this.seq = seq;
            this.dueAt = dueAt;
        }

        boolean leasedAt(Instant now) {
            return leaseOwner != null && leaseExpiresAt.isAfter(now);
        }
    }

    /** A job as a test sees it. */
    public record JobState(int attempts, Instant dueAt, String leaseOwner, Instant leaseExpiresAt, String lastError) {
    }

    // ---- CallRepository ----

    @Override
    public synchronized void insertQueued(Call call, String sealedSecret, String secretDigest) {
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(secretDigest, "secretDigest");
        if (call.externalId() != null) {
            rows.values().stream().map(r -> r.call)
                    .filter(c -> c.team().equals(call.team()) && call.externalId().equals(c.externalId()))
                    .findFirst().ifPresent(existing -> {
                        throw new DuplicateCallExternalIdException(call.externalId(), existing.id());
                    });
        }
        if (rows.containsKey(call.id())) {
            throw new IllegalStateException("call already stored: " + call.id());
        }
        rows.put(call.id(), new Row(call, sealedSecret, secretDigest));
        jobs.put(call.id(), new Job(sequence++, call.createdAt()));
    }

    @Override
    public synchronized Optional<Call> findById(TeamId team, CallId id) {
        return Optional.ofNullable(rows.get(id)).map(r -> r.call).filter(c -> c.team().equals(team));
    }

    @Override
    public synchronized Page<Call> list(TeamId team, CallFilter filter, PageRequest request) {
        List<Call> matching = rows.values().stream().map(r -> r.call)
                .filter(c -> c.team().equals(team))
                .filter(c -> filter.agent().map(a -> a.equals(c.agentId())).orElse(true))
                .filter(c -> filter.status().map(s -> s == c.status()).orElse(true))
                .filter(c -> filter.externalId().map(e -> e.equals(c.externalId())).orElse(true))
                .filter(c -> filter.createdFrom().map(f -> !c.createdAt().isBefore(f)).orElse(true))
                .filter(c -> filter.createdTo().map(t -> c.createdAt().isBefore(t)).orElse(true))
                .sorted(Comparator.comparing(ListKey::of, ListKey.NEWEST_FIRST)).toList();
        List<Call> after = request.cursor().map(InMemoryCallRepository::decode)
                .map(cursor -> matching.stream()
                        .filter(c -> ListKey.NEWEST_FIRST.compare(ListKey.of(c), cursor) > 0).toList())
                .orElse(matching);
        List<Call> items = after.stream().limit(request.limit()).toList();
        Optional<String> next = after.size() > request.limit()
                ? Optional.of(encode(items.get(items.size() - 1))) : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public synchronized Call cancel(TeamId team, CallId id, UnaryOperator<Call> cancel) {
        Call call = findById(team, id).orElseThrow(() -> new CallNotFoundException(id.toString()));
        Job job = jobs.get(id);
        if (job != null && (job.leasedAt(clock.instant()) || job.attempts > 0)) {
            throw new CallNotCancellableException(id, call.status());
        }
        Call cancelled = cancel.apply(call);
        rows.get(id).call = cancelled;
        jobs.remove(id);
        return cancelled;
    }

    @Override
    public synchronized CallId adopt(Call adopted) {
        Objects.requireNonNull(adopted.hamsaCallId(), "hamsaCallId");
        Optional<CallId> known = rows.values().stream().map(r -> r.call)
                .filter(c -> c.hamsaAgentId().equals(adopted.hamsaAgentId()))
                .filter(c -> adopted.hamsaCallId().equals(c.hamsaCallId())
                        || adopted.hamsaCallId().equals(c.hamsaConversationId()))
                .map(Call::id).findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        rows.put(adopted.id(), new Row(adopted, null, null));
        return adopted.id();
    }

    @Override
    public synchronized Optional<WebhookTarget> webhookTarget(CallId id) {
        // An adopted call has no secret of its own: its events come through its agent's webhook.
        return Optional.ofNullable(rows.get(id)).filter(r -> r.secretDigest != null).map(r -> new WebhookTarget(
                r.call.id(), r.call.hamsaAgentId(), r.call.hamsaCallId(), r.secretDigest));
    }

    @Override
    public synchronized List<Call> claimOverdue(Instant dispatchedBefore, int max, Instant nextCheck) {
        Instant now = clock.instant();
        List<Row> due = rows.values().stream()
                .filter(r -> r.call.dispatchedAt() != null && r.call.dispatchedAt().isBefore(dispatchedBefore))
                .filter(r -> !r.call.status().isFinal())
                .filter(r -> r.nextCheckAt == null || !r.nextCheckAt.isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.call.dispatchedAt()))
                .limit(max).toList();
        due.forEach(r -> r.nextCheckAt = nextCheck);
        return due.stream().map(r -> r.call).toList();
    }

    // ---- CallDispatchQueue ----

    @Override
    public synchronized List<DispatchJob> lease(int max, String owner, Duration lease) {
        Instant now = clock.instant();
        List<Map.Entry<CallId, Job>> due = jobs.entrySet().stream()
                .filter(e -> !e.getValue().dueAt.isAfter(now) && !e.getValue().leasedAt(now))
                .sorted(Comparator.comparing((Map.Entry<CallId, Job> e) -> e.getValue().dueAt)
                        .thenComparingLong(e -> e.getValue().seq))
                .limit(max).toList();
        List<DispatchJob> leased = new ArrayList<>();
        for (Map.Entry<CallId, Job> e : due) {
            Job job = e.getValue();
            job.attempts++;
            job.leaseOwner = owner;
            job.leaseExpiresAt = now.plus(lease);
            Row row = rows.get(e.getKey());
            leased.add(new DispatchJob(row.call, row.sealedSecret, job.attempts, owner));
        }
        return leased;
    }

    @Override
    public synchronized boolean renew(DispatchJob dispatchJob, Duration lease) {
        if (!holds(dispatchJob)) {
            return false;
        }
        jobs.get(dispatchJob.call().id()).leaseExpiresAt = clock.instant().plus(lease);
        return true;
    }

    @Override
    public synchronized boolean complete(DispatchJob dispatchJob, UnaryOperator<Call> change) {
        CallId id = dispatchJob.call().id();
        if (!holds(dispatchJob)) {
            return false;
        }
        Row row = rows.get(id);
        // The change applies to the call as it is now, which events may have moved on since the lease.
        row.call = change.apply(row.call);
        jobs.remove(id);
        return true;
    }

    @Override
    public synchronized void retryLater(DispatchJob dispatchJob, Instant at, String error, boolean counts) {
        if (!holds(dispatchJob)) {
            return;
        }
        Job job = jobs.get(dispatchJob.call().id());
        if (!counts) {
            job.attempts--;
        }
        job.leaseOwner = null;
        job.leaseExpiresAt = null;
        job.dueAt = at;
        job.lastError = error;
    }

    /** Whether the job's lease is still held by the worker and attempt that took it, and has not run out. */
    private boolean holds(DispatchJob dispatchJob) {
        Job job = jobs.get(dispatchJob.call().id());
        return job != null && dispatchJob.leaseOwner().equals(job.leaseOwner) && job.attempts == dispatchJob.attempt()
                && job.leasedAt(clock.instant());
    }

    // ---- for the in-memory inbox and for tests ----

    /** The stored call, whoever owns it. */
    public synchronized Optional<Call> load(CallId id) {
        return Optional.ofNullable(rows.get(id)).map(r -> r.call);
    }

    /** Replaces a stored call with its next version, as an event applied to it does. */
    public synchronized void save(Call call) {
        Row row = rows.get(call.id());
        if (row == null) {
            throw new CallNotFoundException(call.id().toString());
        }
        row.call = call;
    }

    public synchronized Optional<JobState> job(CallId id) {
        return Optional.ofNullable(jobs.get(id))
                .map(j -> new JobState(j.attempts, j.dueAt, j.leaseOwner, j.leaseExpiresAt, j.lastError));
    }

    public synchronized String sealedSecret(CallId id) {
        return rows.get(id).sealedSecret;
    }

    public synchronized String secretDigest(CallId id) {
        return rows.get(id).secretDigest;
    }

    private static String encode(Call last) {
        return last.createdAt() + "|" + last.id();
    }

    private static ListKey decode(String cursor) {
        try {
            String[] parts = cursor.split("\\|", 2);
            return new ListKey(Instant.parse(parts[0]), UUID.fromString(parts[1]).toString());
        } catch (RuntimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }
}
