package dev.switchboard.domain.service;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformAgent;
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
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import java.time.Clock;
import java.util.Objects;

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
    private final Clock clock;

    public VoiceAgentService(VoiceAgentPlatform platform, VoiceAgentRepository repository, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VoiceAgent create(CreateVoiceAgentCommand command) {
        refuseTakenExternalId(command.externalId());
        PlatformAgent created = platform.createAgent(command.settings());
        return mirrorNew(created, command.externalId());
    }

    @Override
    public VoiceAgent update(UpdateVoiceAgentCommand command) {
        VoiceAgent current = get(command.id());
        AgentChanges changes = command.changes().relativeTo(current.settings());
        if (changes.isEmpty()) {
            return current;
        }
        // Validate the merged result before the platform sees any of it.
        current.settings().with(changes);
        PlatformAgent confirmed = platform.updateAgent(current.hamsaAgentId(), changes);
        VoiceAgent next = current.withSettings(confirmed.settings(), clock.instant());
        try {
            repository.update(next);
            return next;
        } catch (ConcurrentUpdateException e) {
            // Another update reached the platform and the mirror between our read and our write. The
            // platform now holds whichever change it applied last: mirror that, not our guess of it.
            return resync(command.id());
        }
    }

    /** Stores the platform's current settings as the next version, retrying while others keep writing. */
    private VoiceAgent resync(VoiceAgentId id) {
        ConcurrentUpdateException last = null;
        for (int attempt = 0; attempt < RESYNC_ATTEMPTS; attempt++) {
            VoiceAgent latest = get(id);
            PlatformAgent onPlatform = platform.getAgent(latest.hamsaAgentId());
            if (onPlatform.settings().equals(latest.settings())) {
                return latest;
            }
            VoiceAgent next = latest.withSettings(onPlatform.settings(), clock.instant());
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
    public VoiceAgent get(VoiceAgentId id) {
        return repository.findById(id).orElseThrow(() -> new VoiceAgentNotFoundException(id));
    }

    @Override
    public Page<VoiceAgent> list(PageRequest request) {
        return repository.list(request);
    }

    @Override
    public VoiceAgent cloneAgent(CloneVoiceAgentCommand command) {
        VoiceAgent source = get(command.sourceId());
        refuseTakenExternalId(command.externalId());
        // Switchboard names the copy itself when the caller does not, so the name is sure to fit.
        String name = command.name() != null ? command.name() : AgentSettings.copyName(source.settings().name());
        PlatformAgent copy = platform.cloneAgent(source.hamsaAgentId(), name);
        return mirrorNew(copy, command.externalId());
    }

    private VoiceAgent mirrorNew(PlatformAgent onPlatform, String externalId) {
        VoiceAgent agent = VoiceAgent.created(VoiceAgentId.newId(), onPlatform, externalId, clock.instant());
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

    private void refuseTakenExternalId(String externalId) {
        if (externalId == null) {
            return;
        }
        repository.findByExternalId(externalId).ifPresent(existing -> {
            throw new DuplicateExternalIdException(externalId, existing.id());
        });
    }
}
