package dev.switchboard.domain.service;

import dev.switchboard.domain.model.AgentAttachments;
import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.VoiceAgentId;
import dev.switchboard.domain.model.VoiceAgentNotFoundException;
import dev.switchboard.domain.port.in.CloneVoiceAgentCommand;
import dev.switchboard.domain.port.in.CloneVoiceAgentUseCase;
import dev.switchboard.domain.port.in.CreateVoiceAgentCommand;
import dev.switchboard.domain.port.in.CreateVoiceAgentUseCase;
import dev.switchboard.domain.port.in.GetVoiceAgentQuery;
import dev.switchboard.domain.port.in.ListVoiceAgentsQuery;
import dev.switchboard.domain.port.in.UpdateVoiceAgentCommand;
import dev.switchboard.domain.port.in.UpdateVoiceAgentUseCase;
import dev.switchboard.domain.port.out.ExternalIdLock;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The voice-agent use cases. Writes go to the platform first and are mirrored only once the platform
 * confirmed them, so the mirror never shows an agent or a setting the platform does not have.
 * Reads come from the mirror alone.
 */
public final class VoiceAgentService implements CreateVoiceAgentUseCase, UpdateVoiceAgentUseCase,
        GetVoiceAgentQuery, ListVoiceAgentsQuery, CloneVoiceAgentUseCase {

    private static final int RESYNC_ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger(VoiceAgentService.class.getName());

    private final VoiceAgentPlatform platform;
    private final VoiceAgentRepository repository;
    private final ExternalIdLock externalIds;
    private final Clock clock;
    private final AgentAttachmentResolver attachments;
    /** Null where agents are made without a webhook of their own. */
    private final AgentWebhooks webhooks;

    /** A service whose agents use no knowledge items or tools: any named is unknown. */
    public VoiceAgentService(VoiceAgentPlatform platform, VoiceAgentRepository repository, ExternalIdLock externalIds,
                             Clock clock) {
        this(platform, repository, externalIds, clock, AgentAttachmentResolver.none());
    }

    public VoiceAgentService(VoiceAgentPlatform platform, VoiceAgentRepository repository, ExternalIdLock externalIds,
                             Clock clock, AgentAttachmentResolver attachments) {
        this(platform, repository, externalIds, clock, attachments, null);
    }

    /** A service whose new agents are created with a webhook of their own, made by {@code webhooks}. */
    public VoiceAgentService(VoiceAgentPlatform platform, VoiceAgentRepository repository, ExternalIdLock externalIds,
                             Clock clock, AgentAttachmentResolver attachments, AgentWebhooks webhooks) {
        this.webhooks = webhooks;
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.externalIds = Objects.requireNonNull(externalIds, "externalIds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VoiceAgent create(CreateVoiceAgentCommand command) {
        return holdingItems(command.team(), command.attachments().knowledgeItemIds(), () -> createHeld(command));
    }

    private VoiceAgent createHeld(CreateVoiceAgentCommand command) {
        AgentAttachmentResolver.Resolved resolved = attachments.resolve(command.team(), command.attachments());
        AgentSettings settings = command.settings().with(AgentChanges.none()
                .withAttachments(resolved.knowledgeHamsaIds(), resolved.toolHamsaIds()));
        return withExternalId(command.team(), command.externalId(), () -> {
            refuseTakenExternalId(command.team(), command.externalId());
            // The agent's webhook is stored before Hamsa hears of it, so its first event can be checked.
            PlatformAgent created = platform.createAgent(settings,
                    webhooks == null ? null : webhooks.register(command.team()));
            return mirrorNew(command.team(), created, command.externalId(), resolved.over(AgentAttachments.none()));
        });
    }

    /**
     * Creations with an external id run one at a time per team and id, so the check before the platform
     * call sees any agent a racing request made: the loser gets the winner's 409, and the platform one agent.
     */
    private VoiceAgent withExternalId(TeamId team, String externalId, Supplier<VoiceAgent> create) {
        return externalId == null ? create.get() : externalIds.holding(team, externalId, create);
    }

    @Override
    public VoiceAgent update(UpdateVoiceAgentCommand command) {
        return holdingItems(command.team(), command.attachments().knowledgeItemIds(), () -> updateHeld(command));
    }

    private VoiceAgent updateHeld(UpdateVoiceAgentCommand command) {
        VoiceAgent current = get(command.team(), command.id());
        AgentAttachmentResolver.Resolved resolved = attachments.resolve(command.team(), command.attachments());
        AgentChanges changes = command.changes().withAttachments(resolved.knowledgeHamsaIds(), resolved.toolHamsaIds())
                .relativeTo(current.settings());
        AgentAttachments nextAttachments = resolved.over(current.attachments());
        if (changes.isEmpty()) {
            return current;
        }
        // Validate the merged result before the platform sees any of it.
        current.settings().with(changes);
        PlatformAgent confirmed = platform.updateAgent(current.hamsaAgentId(), changes);
        VoiceAgent next = current.withSettings(confirmed.settings(), nextAttachments, clock.instant());
        try {
            repository.update(next);
            return next;
        } catch (ConcurrentUpdateException e) {
            // Another update reached the platform and the mirror between our read and our write. The
            // platform now holds whichever change it applied last: mirror that, not our guess of it.
            return resync(command.team(), command.id(), resolved);
        }
    }

    /**
     * Switchboard's ids of the lists the platform now holds: ours where it holds what we sent, else the latest
     * mirror's (the rival's, or unchanged), so the two lists of the mirror keep naming the same items and tools.
     */
    private static AgentAttachments attachmentsHeld(AgentSettings onPlatform, VoiceAgent latest,
                                                    AgentAttachmentResolver.Resolved ours) {
        return new AgentAttachments(
                ours.knowledgeHamsaIds().filter(onPlatform.knowledgeBaseItemIds()::equals)
                        .flatMap(sent -> ours.knowledgeItems()).orElse(latest.attachments().knowledgeItems()),
                ours.toolHamsaIds().filter(onPlatform.toolIds()::equals)
                        .flatMap(sent -> ours.tools()).orElse(latest.attachments().tools()));
    }

    /** Stores the platform's current settings as the next version, retrying while others keep writing. */
    private VoiceAgent resync(TeamId team, VoiceAgentId id, AgentAttachmentResolver.Resolved ours) {
        ConcurrentUpdateException last = null;
        for (int attempt = 0; attempt < RESYNC_ATTEMPTS; attempt++) {
            VoiceAgent latest = get(team, id);
            PlatformAgent onPlatform = platform.getAgent(latest.hamsaAgentId());
            if (onPlatform.settings().equals(latest.settings())) {
                return latest;
            }
            VoiceAgent next = latest.withSettings(onPlatform.settings(),
                    attachmentsHeld(onPlatform.settings(), latest, ours), clock.instant());
            try {
                repository.update(next);
                return next;
            } catch (ConcurrentUpdateException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public VoiceAgent get(TeamId team, VoiceAgentId id) {
        return repository.findById(team, id).orElseThrow(() -> new VoiceAgentNotFoundException(id));
    }

    @Override
    public Page<VoiceAgent> list(TeamId team, PageRequest request) {
        return repository.list(team, request);
    }

    @Override
    public VoiceAgent cloneAgent(CloneVoiceAgentCommand command) {
        VoiceAgent source = get(command.team(), command.sourceId());
        java.util.List<String> sourceItems = source.attachments().knowledgeItems().stream().map(Object::toString).toList();
        return holdingItems(command.team(), java.util.Optional.of(sourceItems), () -> withExternalId(command.team(),
                command.externalId(), () -> {
            refuseTakenExternalId(command.team(), command.externalId());
            // Switchboard names the copy itself when the caller does not, so the name is sure to fit.
            String name = command.name() != null ? command.name() : AgentSettings.copyName(source.settings().name());
            PlatformAgent copy = platform.cloneAgent(source.hamsaAgentId(), name);
            // The platform copies the source's knowledge items and tools; so does the mirror.
            return mirrorNew(command.team(), copy, command.externalId(), source.attachments());
        }));
    }

    /**
     * Runs {@code work} holding the lease of each knowledge item named (in one order, so two holders never wait
     * on each other), as deleting an item does: an item is then either deleted before an agent takes it (and
     * the agent is refused it), or taken first (and its deletion refused), never both at once.
     */
    private <T> T holdingItems(TeamId team, java.util.Optional<java.util.List<String>> ids, Supplier<T> work) {
        java.util.List<String> keys = ids.orElse(java.util.List.of()).stream().map(dev.switchboard.domain.model.KnowledgeItemId::leaseKey)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        Supplier<T> held = work;
        for (int i = keys.size() - 1; i >= 0; i--) {
            String key = keys.get(i);
            Supplier<T> inner = held;
            held = () -> externalIds.holding(team, key, inner);
        }
        return held.get();
    }

    private VoiceAgent mirrorNew(TeamId team, PlatformAgent onPlatform, String externalId, AgentAttachments attached) {
        VoiceAgent agent = VoiceAgent.created(VoiceAgentId.newId(), team, onPlatform, externalId, attached,
                clock.instant());
        try {
            repository.insert(agent);
            return agent;
        } catch (RuntimeException e) {
            // The platform has the agent but the mirror does not: say so, with the platform's id, so an
            // operator (or a later reconciliation) can adopt or delete it.
            LOG.log(System.Logger.Level.WARNING, "Voice agent {0} exists on the platform but could not be mirrored: {1}",
                    onPlatform.id(), e.toString());
            throw e;
        }
    }

    private void refuseTakenExternalId(TeamId team, String externalId) {
        if (externalId == null) {
            return;
        }
        repository.findByExternalId(team, externalId).ifPresent(existing -> {
            throw new DuplicateExternalIdException(externalId, existing.id());
        });
    }
}
