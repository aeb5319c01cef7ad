package dev.switchboard.domain.service;

import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.KnowledgeItemNotFoundException;
import dev.switchboard.domain.model.KnowledgeLimits;
import dev.switchboard.domain.model.KnowledgeStorage;
import dev.switchboard.domain.model.KnowledgeType;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TeamNotFoundException;
import dev.switchboard.domain.port.in.AddKnowledgeItemCommand;
import dev.switchboard.domain.port.in.AddKnowledgeItemUseCase;
import dev.switchboard.domain.port.in.AddKnowledgeUrlsUseCase;
import dev.switchboard.domain.port.in.DeleteKnowledgeItemUseCase;
import dev.switchboard.domain.port.in.GetKnowledgeItemQuery;
import dev.switchboard.domain.port.in.KnowledgeBudgetUseCase;
import dev.switchboard.domain.port.in.ListKnowledgeItemsQuery;
import dev.switchboard.domain.port.in.SetKnowledgeItemActiveUseCase;
import dev.switchboard.domain.port.in.UpdateKnowledgeItemCommand;
import dev.switchboard.domain.port.in.UpdateKnowledgeItemUseCase;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import dev.switchboard.domain.port.out.TeamRepository;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import dev.switchboard.domain.model.KnowledgeItemInUseException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The knowledge-base use cases. Content is checked in full (lengths, file type by content, every URL through
 * the outbound URL guard) and its bytes reserved within the team's budget and the account's quota before
 * Hamsa is asked, so Hamsa never has to refuse for either. Reads come from Switchboard's record alone.
 */
public final class KnowledgeBaseService implements AddKnowledgeItemUseCase, GetKnowledgeItemQuery,
        ListKnowledgeItemsQuery, UpdateKnowledgeItemUseCase, DeleteKnowledgeItemUseCase, AddKnowledgeUrlsUseCase,
        SetKnowledgeItemActiveUseCase, KnowledgeBudgetUseCase {

    /** Told to the team about an item Hamsa may or may not have stored: it still counts until they delete it. */
    static final String OUTCOME_UNKNOWN = "Hamsa may or may not have stored this item (it failed or did not answer "
            + "after the upload); its bytes stay counted until you delete it";
    public static final long BUDGET_MAX = 1L << 50;
    private static final int STORE_ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger(KnowledgeBaseService.class.getName());

    private final KnowledgeBasePlatform platform;
    private final KnowledgeItemRepository repository;
    private final TeamRepository teams;
    private final VoiceAgentRepository agents;
    private final dev.switchboard.domain.port.out.ExternalIdLock locks;
    private final OutboundUrlGuard urls;
    private final KnowledgeLimits limits;
    private final Clock clock;

    public KnowledgeBaseService(KnowledgeBasePlatform platform, KnowledgeItemRepository repository, TeamRepository teams,
                                VoiceAgentRepository agents, dev.switchboard.domain.port.out.ExternalIdLock locks,
                                OutboundUrlGuard urls, KnowledgeLimits limits, Clock clock) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public KnowledgeItem add(AddKnowledgeItemCommand command) {
        KnowledgeContent content = content(command);
        KnowledgeItem reserved = KnowledgeItem.reserved(KnowledgeItemId.newId(), command.team(), command.name(), content,
                clock.instant());
        repository.reserve(reserved, limits.defaultTeamBudgetBytes(), limits.accountLimitBytes());
        PlatformKnowledgeItem created;
        try {
            created = platform.createItem(command.name(), content,
                    command.type() == KnowledgeType.FILE ? command.fileBytes() : null);
        } catch (PlatformException e) {
            // An answer Switchboard could not read came after Hamsa had the upload: it may well hold the item.
            if (e.mayHaveTakenEffect() || e.failure() == PlatformFailure.BAD_RESPONSE) {
                // Hamsa may hold it and count its bytes: keep them counted, and tell the team what to do.
                LOG.log(System.Logger.Level.WARNING, "Knowledge item {0} may or may not be on Hamsa: {1}",
                        reserved.id(), e.getMessage());
                repository.update(reserved.failed(OUTCOME_UNKNOWN, clock.instant()));
            } else {
                repository.delete(reserved.team(), reserved.id());
            }
            throw e;
        } catch (RuntimeException e) {
            repository.delete(reserved.team(), reserved.id());
            throw e;
        }
        KnowledgeItem stored = reserved.withPlatform(created, clock.instant());
        try {
            repository.update(stored);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Knowledge item {0} is on Hamsa as {1} but could not be recorded: {2}",
                    reserved.id(), created.id(), e.toString());
            throw e;
        }
        return stored;
    }

    private KnowledgeContent content(AddKnowledgeItemCommand c) {
        List<String> misplaced = new ArrayList<>();
        if (c.type() != KnowledgeType.TEXT && c.text() != null) {
            misplaced.add("content");
        }
        if (c.type() != KnowledgeType.URL && c.urls() != null) {
            misplaced.add("urls");
        }
        if (c.type() != KnowledgeType.FILE && (c.fileBytes() != null || c.fileName() != null)) {
            misplaced.add("file");
        }
        if (!misplaced.isEmpty()) {
            throw new InvalidInputException(misplaced.stream().map(f -> new dev.switchboard.domain.model.FieldViolation(
                    f, "is not taken by a " + c.type() + " item")).toList());
        }
        return switch (c.type()) {
            case TEXT -> new KnowledgeContent.Text(c.text());
            case URL -> new KnowledgeContent.Urls(guarded(c.urls()));
            case FILE -> KnowledgeContent.File.checked(c.fileName(), c.fileBytes(), limits.maxFileBytes());
        };
    }

    /** Each URL through the guard, named by its place in the list so the team knows which one failed. */
    private List<URI> guarded(List<String> given) {
        if (given == null) {
            throw InvalidInputException.of("urls", "must hold " + KnowledgeContent.URLS_MIN + " to "
                    + KnowledgeContent.URLS_MAX + " URLs for a URL item");
        }
        KnowledgeContent.Urls.checkCount(given.size());
        List<URI> checked = new ArrayList<>();
        List<dev.switchboard.domain.model.FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String url = given.get(i);
            try {
                checked.add(urls.check("urls[" + i + "]", url));
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return checked;
    }

    @Override
    public KnowledgeItem get(TeamId team, KnowledgeItemId id) {
        return repository.findById(team, id).orElseThrow(() -> new KnowledgeItemNotFoundException(id));
    }

    @Override
    public Page<KnowledgeItem> list(TeamId team, PageRequest request) {
        return repository.list(team, request);
    }

    @Override
    public KnowledgeItem update(UpdateKnowledgeItemCommand command) {
        KnowledgeItem current = onPlatform(get(command.team(), command.id()));
        if (command.text().isPresent() && current.type() != KnowledgeType.TEXT) {
            throw InvalidInputException.of("content", "only a TEXT item has content; this one is " + current.type());
        }
        String name = command.name().orElse(current.name());
        KnowledgeContent content = command.text().<KnowledgeContent>map(KnowledgeContent.Text::new).orElse(current.content());
        if (name.equals(current.name()) && content.equals(current.content())) {
            return current;
        }
        KnowledgeContent.Text newText = content.equals(current.content()) ? null : (KnowledgeContent.Text) content;
        // Recorded first, so that growth is reserved against the limits before Hamsa stores it.
        KnowledgeItem next = current.withContent(name, content, clock.instant());
        repository.updateWithin(next, limits.defaultTeamBudgetBytes(), limits.accountLimitBytes());
        PlatformKnowledgeItem reported;
        try {
            reported = platform.updateItem(current.hamsaItemId(), name, newText);
        } catch (PlatformException e) {
            if (!e.mayHaveTakenEffect()) {
                repository.update(next.revertedTo(current, clock.instant()));
            }
            throw e;
        }
        return storeAfterPlatform(next, item -> item.withPlatform(reported, clock.instant()));
    }

    /**
     * Stores what Hamsa has just carried out. Only the background refresh writes items behind a team's back (it
     * records Hamsa's status); should it have written between our read and our write, the change is applied again
     * to what it stored, rather than answering 409 for a change Hamsa already holds.
     */
    private KnowledgeItem storeAfterPlatform(KnowledgeItem basis, java.util.function.UnaryOperator<KnowledgeItem> change) {
        KnowledgeItem current = basis;
        for (int attempt = 1; ; attempt++) {
            KnowledgeItem next = change.apply(current);
            try {
                repository.update(next);
                return next;
            } catch (ConcurrentUpdateException e) {
                if (attempt == STORE_ATTEMPTS) {
                    throw e;
                }
                current = get(basis.team(), basis.id());
            }
        }
    }

    /** Under the item's lease, which attaching it to an agent also holds: see {@link VoiceAgentService}. */
    @Override
    public void delete(TeamId team, KnowledgeItemId id) {
        locks.holding(team, KnowledgeItemId.leaseKey(id.toString()), () -> {
            deleteHeld(team, id);
            return null;
        });
    }

    private void deleteHeld(TeamId team, KnowledgeItemId id) {
        KnowledgeItem current = get(team, id);
        if (current.hamsaItemId() == null && current.status() != dev.switchboard.domain.model.KnowledgeStatus.FAILED) {
            // Still being uploaded: deleting now would leave Hamsa holding bytes no one counts once it answers.
            throw new ConcurrentUpdateException("knowledge item", id.toString(), current.version());
        }
        List<dev.switchboard.domain.model.VoiceAgentId> users = agents.usingKnowledgeItem(team, id);
        if (!users.isEmpty()) {
            throw new KnowledgeItemInUseException(id, users);
        }
        if (current.hamsaItemId() != null) {
            try {
                platform.deleteItem(current.hamsaItemId());
            } catch (PlatformException e) {
                if (e.failure() != PlatformFailure.NOT_FOUND) {
                    throw e;
                }
                // Already gone from Hamsa (deleted there, or never stored): only our record is left to remove.
            }
        }
        repository.delete(team, id);
    }

    @Override
    public KnowledgeItem addUrls(TeamId team, KnowledgeItemId id, List<String> more) {
        KnowledgeItem current = onPlatform(get(team, id));
        if (!(current.content() instanceof KnowledgeContent.Urls existing)) {
            throw InvalidInputException.of("urls", "only a URL item takes URLs; this one is " + current.type());
        }
        List<URI> checked = guarded(more);
        KnowledgeContent.Urls combined = existing.plus(checked);
        PlatformKnowledgeItem reported = platform.addUrls(current.hamsaItemId(), checked);
        return storeAfterPlatform(current, item -> item.withContent(item.name(),
                ((KnowledgeContent.Urls) item.content()).plus(checked), clock.instant()).reporting(reported));
    }

    @Override
    public KnowledgeItem setActive(TeamId team, KnowledgeItemId id, boolean active) {
        KnowledgeItem current = onPlatform(get(team, id));
        if (current.active() == active) {
            return current;
        }
        PlatformKnowledgeItem reported = platform.setActive(current.hamsaItemId(), active);
        PlatformKnowledgeItem withAsked = new PlatformKnowledgeItem(reported.id(), reported.status(),
                reported.failureReason(), reported.sizeBytes(), java.util.Optional.of(reported.active().orElse(active)));
        return storeAfterPlatform(current, item -> item.withPlatform(withAsked, clock.instant()));
    }

    /** An item still being uploaded (or whose upload may have failed) cannot be changed on Hamsa yet. */
    private static KnowledgeItem onPlatform(KnowledgeItem item) {
        if (item.hamsaItemId() == null) {
            throw new ConcurrentUpdateException("knowledge item", item.id().toString(), item.version());
        }
        return item;
    }

    @Override
    public KnowledgeStorage storage(TeamId team) {
        teams.findById(team).orElseThrow(() -> new TeamNotFoundException(team));
        return repository.storage(team, limits.defaultTeamBudgetBytes(), limits.accountLimitBytes());
    }

    @Override
    public KnowledgeStorage setBudget(TeamId team, Long budgetBytes) {
        if (budgetBytes != null && (budgetBytes < 0 || budgetBytes > BUDGET_MAX)) {
            throw InvalidInputException.of("budgetBytes", "must be 0 to " + BUDGET_MAX + " bytes, or null for the default");
        }
        teams.findById(team).orElseThrow(() -> new TeamNotFoundException(team));
        repository.setTeamBudget(team, budgetBytes);
        return repository.storage(team, limits.defaultTeamBudgetBytes(), limits.accountLimitBytes());
    }
}
