package dev.switchboard.domain.service;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallPolicy;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.PlatformConversation;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.port.in.ReconcileCallsUseCase;
import dev.switchboard.domain.port.out.CallEventInbox;
import dev.switchboard.domain.port.out.CallPlatform;
import dev.switchboard.domain.port.out.CallRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Repairs missed webhooks. A call Hamsa accepted longer ago than the longest a call may last, and whose end never
 * arrived, is looked up on Hamsa; if Hamsa says it ended, that end goes into the inbox as a {@code call.ended}
 * event, and is applied like any other (so a late webhook and the repair cannot both apply an end).
 */
public final class CallReconcileService implements ReconcileCallsUseCase {

    private static final System.Logger LOG = System.getLogger(CallReconcileService.class.getName());

    private final CallRepository calls;
    private final CallPlatform platform;
    private final CallEventInbox inbox;
    private final Clock clock;
    private final CallPolicy policy;

    public CallReconcileService(CallRepository calls, CallPlatform platform, CallEventInbox inbox, Clock clock,
                                CallPolicy policy) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public int reconcileOverdue(int max) {
        Instant now = clock.instant();
        List<Call> overdue = calls.claimOverdue(now.minus(policy.maxCallDuration()), max, now.plus(policy.reconcileRecheck()));
        for (Call call : overdue) {
            reconcile(call, now);
        }
        return overdue.size();
    }

    static final String NOT_JOINED = "The web conversation was not joined within the call's maximum duration";

    private void reconcile(Call call, Instant now) {
        PlatformConversation conversation;
        try {
            conversation = lookUp(call);
        } catch (PlatformException e) {
            if (e.failure() == PlatformFailure.NOT_FOUND) {
                LOG.log(System.Logger.Level.WARNING, "Call {0} is overdue and Hamsa has no record of {1}: it is FAILED",
                        call.id(), call.hamsaCallId());
                store(call, Map.of("status", "FAILED", "failureReason", "Hamsa has no record of this call"), now);
            } else {
                LOG.log(System.Logger.Level.INFO, "Call {0} is overdue; Hamsa could not be asked ({1}); asking again later",
                        call.id(), e.getMessage());
            }
            return;
        }
        if (call.channel() == CallChannel.WEB && "PENDING".equalsIgnoreCase(conversation.status())) {
            // Nobody opened the page within the call's maximum duration: the conversation is abandoned, and
            // asking about it every few minutes forever would only spend Hamsa's quota.
            LOG.log(System.Logger.Level.INFO, "Web conversation {0} was not joined within its maximum duration: NO_ANSWER",
                    call.id());
            store(call, Map.of("status", "NO_ANSWER", "failureReason", NOT_JOINED), now);
            return;
        }
        if (!conversation.ended()) {
            LOG.log(System.Logger.Level.INFO, "Call {0} is past its maximum duration and Hamsa says {1}; asking again later",
                    call.id(), conversation.status());
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>(conversation.fields());
        fields.put("status", conversation.status());
        store(call, fields, now);
    }

    /**
     * Hamsa's record of the call: by its conversation id when a webhook gave one, else by the id Hamsa gave it.
     * A "not found" is believed only once Hamsa's own list of the agent's calls, searched by Switchboard's id,
     * has no such call either (Hamsa may name one call differently in different places).
     */
    private PlatformConversation lookUp(Call call) {
        String id = call.hamsaConversationId() != null ? call.hamsaConversationId() : call.hamsaCallId();
        try {
            return platform.conversation(id);
        } catch (PlatformException e) {
            if (e.failure() != PlatformFailure.NOT_FOUND || call.adopted()) {
                // An adopted call never carried Switchboard's id in its params: Hamsa's list cannot name it.
                throw e;
            }
            Optional<String> listed = platform.findCall(call.hamsaAgentId(), call.id(), call.platformSearchFrom());
            if (listed.isEmpty() || listed.get().equals(id)) {
                throw e;
            }
            return platform.conversation(listed.get());
        }
    }

    private void store(Call call, Map<String, Object> fields, Instant now) {
        HamsaEvent ended = new HamsaEvent(HamsaEvent.CALL_ENDED, call.hamsaCallId(), now, null, null, fields,
                HamsaEvent.SOURCE_RECONCILER);
        String key = call.id() + "|" + HamsaEvent.CALL_ENDED + "|" + HamsaEvent.SOURCE_RECONCILER;
        boolean stored = inbox.accept(new InboxEntry(key, call.id(), ended, null));
        LOG.log(System.Logger.Level.INFO, "Call {0}: Hamsa''s end of the call ({1}) {2} from the reconciler", call.id(),
                fields.get("status"), stored ? "stored" : "already stored");
    }
}
