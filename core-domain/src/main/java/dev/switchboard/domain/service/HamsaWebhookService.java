package dev.switchboard.domain.service;

import dev.switchboard.domain.model.AgentWebhook;
import dev.switchboard.domain.model.AgentWebhookId;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.Sha256;
import dev.switchboard.domain.model.WebhookRefusedException;
import dev.switchboard.domain.model.WebhookRefusedException.Reason;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.model.WebhookTarget;
import dev.switchboard.domain.port.in.HamsaDelivery;
import dev.switchboard.domain.port.in.ReceiveHamsaWebhookUseCase;
import dev.switchboard.domain.port.in.WebhookReceipt;
import dev.switchboard.domain.port.out.CallEventInbox;
import dev.switchboard.domain.port.out.AgentWebhookRegistry;
import dev.switchboard.domain.port.out.CallRepository;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Hamsa's webhooks, taken the way Svix and Hookdeck take theirs: checked, then stored durably in the inbox,
 * and only then acknowledged; applied later. Hamsa signs nothing, so the per-call secret in its Authorization
 * header is what proves a delivery came from Hamsa; it is compared digest to digest in constant time.
 */
public final class HamsaWebhookService implements ReceiveHamsaWebhookUseCase {

    private static final System.Logger LOG = System.getLogger(HamsaWebhookService.class.getName());

    private final CallRepository calls;
    private final CallEventInbox inbox;
    private final Optional<String> projectId;
    private final AgentWebhookRegistry agentWebhooks;
    private final VoiceAgentRepository agents;
    private final Clock clock;

    /** A receiver of per-call webhooks only: every agent-level delivery is refused. */
    public HamsaWebhookService(CallRepository calls, CallEventInbox inbox, Optional<String> projectId) {
        this(calls, inbox, projectId, null, null, Clock.systemUTC());
    }

    public HamsaWebhookService(CallRepository calls, CallEventInbox inbox, Optional<String> projectId,
                               AgentWebhookRegistry agentWebhooks, VoiceAgentRepository agents, Clock clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.projectId = projectId == null ? Optional.empty() : projectId;
        this.agentWebhooks = agentWebhooks;
        this.agents = agents;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WebhookReceipt receive(HamsaDelivery delivery) {
        CallId id = parse(delivery.callId());
        String subject = "call " + id;
        // An unknown call gets the same answer as a wrong secret: without credentials nobody learns which ids exist.
        WebhookTarget target = calls.webhookTarget(id).orElseThrow(() -> badCredentials("no " + subject));
        authenticate(delivery, target.secretDigest(), subject);
        HamsaEvent event = HamsaEvent.fromEnvelope(delivery.envelope().get(), HamsaEvent.SOURCE_WEBHOOK);
        refuseMismatch(subject, "agentId", event.agentId(), target.hamsaAgentId().value(),
                "agentId does not match the call this webhook URL belongs to");
        refuseMismatch(subject, "projectId", event.projectId(), projectId.orElse(null),
                "projectId does not match the call this webhook URL belongs to");
        if (event.hamsaCallId() != null && target.hamsaCallId() != null && !event.hamsaCallId().equals(target.hamsaCallId())) {
            // The sender proved it holds this call's secret; Hamsa may name one call differently in its API and in
            // its webhooks. Refusing would lose the event (Hamsa does not retry a 4xx): keep it, and say so.
            LOG.log(System.Logger.Level.WARNING, "Hamsa webhook for call {0} names Hamsa call {1}, not {2}; stored anyway",
                    id, event.hamsaCallId(), target.hamsaCallId());
        }
        return store(id, event, delivery.body());
    }

    @Override
    public WebhookReceipt receiveForAgent(String webhookId, HamsaDelivery delivery) {
        // An unknown webhook gets the same answer as a wrong secret, as an unknown call does.
        AgentWebhook webhook = AgentWebhookId.parse(webhookId)
                .flatMap(id -> agentWebhooks == null ? Optional.empty() : agentWebhooks.find(id))
                .orElseThrow(() -> badCredentials("no agent webhook " + webhookId));
        String subject = "agent webhook " + webhook.id();
        authenticate(delivery, webhook.secretDigest(), subject);
        HamsaEvent event = HamsaEvent.fromEnvelope(delivery.envelope().get(), HamsaEvent.SOURCE_WEBHOOK);
        List<FieldViolation> missing = new ArrayList<>();
        if (event.agentId() == null) {
            missing.add(new FieldViolation("agentId", "is required on an agent's webhook: it names the agent"));
        }
        if (event.hamsaCallId() == null) {
            missing.add(new FieldViolation("callId", "is required on an agent's webhook: it names the call"));
        }
        if (!missing.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Hamsa webhook refused for {0}: {1}", subject, missing);
            throw new InvalidInputException(missing);
        }
        refuseMismatch(subject, "projectId", event.projectId(), projectId.orElse(null),
                "projectId is not the project Switchboard uses");
        VoiceAgent agent = agents.findByHamsaId(webhook.team(), new HamsaAgentId(event.agentId())).orElseThrow(() -> {
            LOG.log(System.Logger.Level.WARNING, "Hamsa webhook refused for {0}: agent {1} is not one of its team''s agents",
                    subject, event.agentId());
            return new WebhookRefusedException(Reason.MISMATCH, "agentId names no agent this webhook belongs to");
        });
        // Adopted as of its receipt, Switchboard's clock: an event's own time may be anything Hamsa's clock says.
        CallId id = calls.adopt(Call.adopted(CallId.newId(), agent, event.hamsaCallId(), channelOf(event),
                clock.instant()));
        return store(id, event, delivery.body());
    }

    private WebhookReceipt store(CallId id, HamsaEvent event, String body) {
        String key = dedupKey(id, event, body);
        boolean stored = inbox.accept(new InboxEntry(key, id, event, body));
        LOG.log(System.Logger.Level.INFO, "Hamsa event {0} for call {1} {2} (dedup key {3})", event.type(), id,
                stored ? "stored" : "is a repeat, not stored again", key);
        return new WebhookReceipt(id, event.type(), key, !stored);
    }

    /** The delivery presents the secret whose digest is given, compared in constant time; else it is refused. */
    private static void authenticate(HamsaDelivery delivery, String secretDigest, String subject) {
        if (!WebhookSecret.presentedIn(delivery.authorization(), secretDigest)) {
            throw badCredentials("bad or missing credentials for " + subject);
        }
    }

    /** One answer for every credential failure, logged with why (never with the secret). */
    private static WebhookRefusedException badCredentials(String why) {
        LOG.log(System.Logger.Level.WARNING, "Hamsa webhook refused: {0}", why);
        return new WebhookRefusedException(Reason.BAD_CREDENTIALS, "bad or missing credentials");
    }

    /** A web conversation when the event says so; a phone call (dashboard, campaign) otherwise. */
    private static CallChannel channelOf(HamsaEvent event) {
        Object channel = event.payload().get("channelType");
        return channel instanceof String text && text.equalsIgnoreCase("web") ? CallChannel.WEB : CallChannel.PHONE;
    }

    /** Where both the event and Switchboard name a thing, they must name the same one. */
    private static void refuseMismatch(String subject, String field, String sent, String known, String refusal) {
        if (sent != null && known != null && !sent.equals(known)) {
            LOG.log(System.Logger.Level.WARNING, "Hamsa webhook refused for {0}: {1} {2} is not its {3}",
                    subject, field, sent, known);
            throw new WebhookRefusedException(Reason.MISMATCH, refusal);
        }
    }

    private static CallId parse(String text) {
        try {
            return CallId.parse(text);
        } catch (RuntimeException e) {
            throw badCredentials("no call " + text);
        }
    }

    /**
     * Call + event type + timestamp, as Hamsa's guide suggests. Transcript updates and tool executions can share a
     * timestamp, so theirs also carries a digest of the body: the same event sent twice has the same body.
     */
    public static String dedupKey(CallId id, HamsaEvent event, String body) {
        String key = id + "|" + event.type() + "|" + event.occurredAt();
        boolean mayShareTimestamp = HamsaEvent.TRANSCRIPTION_UPDATE.equals(event.type())
                || HamsaEvent.TOOL_EXECUTED.equals(event.type());
        if (mayShareTimestamp && body != null) {
            key += "|" + digest(body);
        }
        return key;
    }

    /** The first 16 bytes of the body's SHA-256: enough to tell two bodies apart. */
    private static String digest(String body) {
        return Sha256.hex(body).substring(0, 32);
    }
}
