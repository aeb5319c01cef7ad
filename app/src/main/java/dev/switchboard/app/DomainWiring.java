package dev.switchboard.app;

import dev.switchboard.app.calls.ReplicaIdentity;
import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.app.hamsa.HamsaCalls;
import dev.switchboard.app.hamsa.Priority;
import dev.switchboard.app.net.SystemHostResolver;
import dev.switchboard.domain.model.OutboundUrlPolicy;
import dev.switchboard.domain.model.CallPolicy;
import dev.switchboard.domain.model.KnowledgeLimits;
import dev.switchboard.domain.port.out.ApiKeyRepository;
import dev.switchboard.domain.port.out.JsonSchemaChecker;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import dev.switchboard.domain.port.out.KnowledgeItemRepository;
import dev.switchboard.domain.port.out.WebToolPlatform;
import dev.switchboard.domain.port.out.WebToolRepository;
import dev.switchboard.domain.port.out.CallDispatchQueue;
import dev.switchboard.domain.port.out.CallEventInbox;
import dev.switchboard.domain.port.out.CallPlatform;
import dev.switchboard.domain.port.out.AgentWebhookRegistry;
import dev.switchboard.domain.port.out.CallRepository;
import dev.switchboard.domain.port.out.SecretCipher;
import dev.switchboard.domain.port.out.AuditLog;
import dev.switchboard.domain.port.out.ExternalIdLock;
import dev.switchboard.domain.port.out.IdempotencyStore;
import dev.switchboard.domain.port.out.PlatformAvailability;
import dev.switchboard.domain.port.out.TeamRepository;
import dev.switchboard.domain.port.out.TeamRequestCounter;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import dev.switchboard.domain.service.AgentAttachmentResolver;
import dev.switchboard.domain.service.AuditService;
import dev.switchboard.domain.service.CallDispatchService;
import dev.switchboard.domain.service.CallEventService;
import dev.switchboard.domain.service.CallReconcileService;
import dev.switchboard.domain.service.CallService;
import dev.switchboard.domain.service.AgentWebhooks;
import dev.switchboard.domain.service.HamsaWebhookService;
import dev.switchboard.domain.service.IdempotencyService;
import dev.switchboard.domain.service.KnowledgeBaseService;
import dev.switchboard.domain.service.KnowledgeRefreshService;
import dev.switchboard.domain.service.WebToolService;
import dev.switchboard.domain.service.OutboundUrlGuard;
import dev.switchboard.domain.service.PlatformStatusService;
import dev.switchboard.domain.service.RequestAdmissionService;
import dev.switchboard.domain.service.TeamService;
import dev.switchboard.domain.service.VoiceAgentService;
import java.security.SecureRandom;
import java.util.Set;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the plain-Java domain services from the out-ports the adapters provide. The only place where
 * use cases meet their adapters; it knows them by port type alone.
 */
public class DomainWiring {

    /** Microsecond ticks: what Postgres keeps, so an agent reads back exactly as it was written. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * One service implements the five agent use cases; CDI exposes it under each in-port type. Its Hamsa
     * calls answer a team waiting on them, so they queue as interactive, under every Hamsa policy.
     */
    @Produces
    @Singleton
    VoiceAgentService voiceAgentService(VoiceAgentPlatform platform, HamsaCalls hamsaCalls,
                                        VoiceAgentRepository repository, ExternalIdLock externalIds, Clock clock,
                                        KnowledgeItemRepository knowledge, WebToolRepository tools,
                                        AgentWebhookRegistry webhooks, CallPolicy policy) {
        return new VoiceAgentService(hamsaCalls.agents(platform, Priority.INTERACTIVE), repository, externalIds, clock,
                new AgentAttachmentResolver(knowledge, tools), new AgentWebhooks(webhooks, policy, new SecureRandom(), clock));
    }

    @Produces
    @Singleton
    PlatformStatusService platformStatusService(PlatformAvailability availability) {
        return new PlatformStatusService(availability);
    }

    /** Teams, their keys, and the check of every presented key. */
    @Produces
    @Singleton
    TeamService teamService(TeamRepository teams, ApiKeyRepository keys, Clock clock) {
        return new TeamService(teams, keys, clock, new SecureRandom());
    }

    @Produces
    @Singleton
    AuditService auditService(AuditLog log) {
        return new AuditService(log);
    }

    @Produces
    @Singleton
    IdempotencyService idempotencyService(IdempotencyStore store, SwitchboardConfig config) {
        return new IdempotencyService(store, config.idempotency().lease(), config.idempotency().retention());
    }

    @Produces
    @Singleton
    RequestAdmissionService requestAdmissionService(TeamRequestCounter counter, SwitchboardConfig config) {
        return new RequestAdmissionService(counter, config.api().defaultRequestsPerMinute());
    }

    /** Strict unless config says otherwise, and config says otherwise only in dev and test. */
    @Produces
    @Singleton
    OutboundUrlGuard outboundUrlGuard(SwitchboardConfig config) {
        SwitchboardConfig.OutboundUrls urls = config.outboundUrls();
        return new OutboundUrlGuard(new SystemHostResolver(),
                new OutboundUrlPolicy(urls.allowHttp(), urls.trustedHosts().orElse(Set.of())));
    }

    /** The team's call use cases: placing only stores, so no Hamsa policy is involved. */
    @Produces
    @Singleton
    CallService callService(VoiceAgentRepository agents, CallRepository calls, SecretCipher cipher, Clock clock,
                            WebToolRepository tools) {
        return new CallService(agents, calls, cipher, clock, new SecureRandom(), tools);
    }

    @Produces
    @Singleton
    HamsaWebhookService hamsaWebhookService(CallRepository calls, CallEventInbox inbox, SwitchboardConfig config,
                                            AgentWebhookRegistry webhooks, VoiceAgentRepository agents, Clock clock) {
        return new HamsaWebhookService(calls, inbox, config.calls().projectId(), webhooks, agents, clock);
    }

    @Produces
    @Singleton
    CallEventService callEventService(CallEventInbox inbox, Clock clock, SwitchboardConfig config) {
        SwitchboardConfig.Inbox retry = config.calls().inbox();
        return new CallEventService(inbox, clock,
                new CallEventInbox.RetryPolicy(retry.maxAttempts(), retry.retryDelay(), retry.maxRetryDelay()));
    }

    /**
     * Dispatch and reconciliation are background work: they queue behind teams' requests for the shared
     * quota, and each dispatch stays within its budget, well inside its lease.
     */
    @Produces
    @Singleton
    CallDispatchService callDispatchService(CallDispatchQueue queue, CallPlatform platform, HamsaCalls hamsaCalls,
                                            SecretCipher cipher, Clock clock, SwitchboardConfig config, CallPolicy policy,
                                            ReplicaIdentity replica) {
        return new CallDispatchService(queue,
                hamsaCalls.calls(platform, Priority.BACKGROUND, config.calls().dispatch().maxDuration()), cipher, clock,
                policy, replica.id());
    }

    @Produces
    @Singleton
    CallReconcileService callReconcileService(CallRepository calls, CallPlatform platform, HamsaCalls hamsaCalls,
                                              CallEventInbox inbox, Clock clock, SwitchboardConfig config,
                                              CallPolicy policy) {
        return new CallReconcileService(calls,
                hamsaCalls.calls(platform, Priority.BACKGROUND, config.calls().dispatch().maxDuration()), inbox, clock,
                policy);
    }

    /** The team's knowledge use cases: Hamsa calls answer a team waiting on them, so they queue as interactive. */
    @Produces
    @Singleton
    KnowledgeBaseService knowledgeBaseService(KnowledgeBasePlatform platform, HamsaCalls hamsaCalls,
                                              KnowledgeItemRepository repository, TeamRepository teams,
                                              VoiceAgentRepository agents, ExternalIdLock locks, OutboundUrlGuard urls,
                                              KnowledgeLimits limits, Clock clock) {
        return new KnowledgeBaseService(hamsaCalls.knowledge(platform, Priority.INTERACTIVE), repository, teams, agents,
                locks, urls, limits, clock);
    }

    /** Asking Hamsa how its processing goes is background work: it queues behind the teams' requests. */
    @Produces
    @Singleton
    KnowledgeRefreshService knowledgeRefreshService(KnowledgeBasePlatform platform, HamsaCalls hamsaCalls,
                                                    KnowledgeItemRepository repository, Clock clock) {
        return new KnowledgeRefreshService(hamsaCalls.knowledge(platform, Priority.BACKGROUND), repository, clock);
    }

    /** The account's limit is its tier's unless config names bytes; a team's default budget is the whole account unless set. */
    @Produces
    @Singleton
    KnowledgeLimits knowledgeLimits(SwitchboardConfig config) {
        SwitchboardConfig.Knowledge knowledge = config.knowledge();
        long account = knowledge.accountStorage().map(m -> m.asLongValue())
                .orElseGet(() -> KnowledgeLimits.tierBytes(knowledge.tier()));
        long teamDefault = knowledge.defaultTeamBudget().map(m -> m.asLongValue()).orElse(account);
        return new KnowledgeLimits(knowledge.maxFileSize().asLongValue(), teamDefault, account);
    }

    @Produces
    @Singleton
    WebToolService webToolService(WebToolPlatform platform, HamsaCalls hamsaCalls, WebToolRepository repository,
                                  OutboundUrlGuard urls, JsonSchemaChecker schemas, SecretCipher cipher,
                                  ExternalIdLock names, Clock clock) {
        return new WebToolService(hamsaCalls.tools(platform, Priority.INTERACTIVE), repository, urls, schemas, cipher,
                names, clock);
    }

    @Produces
    @Singleton
    CallPolicy callPolicy(SwitchboardConfig config) {
        SwitchboardConfig.Calls calls = config.calls();
        return new CallPolicy(calls.webhookBaseUrl(), calls.dispatch().lease(), calls.dispatch().retryDelay(),
                calls.dispatch().maxAttempts(), calls.reconcile().maxCallDuration(), calls.reconcile().recheck(),
                calls.projectId());
    }
}
