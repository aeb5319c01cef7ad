package dev.switchboard.domain.service;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallNotFoundException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.port.in.CancelCallUseCase;
import dev.switchboard.domain.port.in.GetCallQuery;
import dev.switchboard.domain.port.in.ListCallsQuery;
import dev.switchboard.domain.port.in.PlaceCallCommand;
import dev.switchboard.domain.port.in.PlaceCallUseCase;
import dev.switchboard.domain.port.out.CallRepository;
import dev.switchboard.domain.port.out.SecretCipher;
import dev.switchboard.domain.port.out.WebToolRepository;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.JsonValues;
import dev.switchboard.domain.model.TimelineEntry;
import java.util.List;
import dev.switchboard.domain.port.out.VoiceAgentRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * The teams' call use cases. Placing a call only stores it, with its dispatch job, in one transaction: the team
 * gets its answer at once, and the call reaches Hamsa when a worker's turn in the shared quota comes.
 */
public final class CallService implements PlaceCallUseCase, GetCallQuery, ListCallsQuery, CancelCallUseCase {

    private final VoiceAgentRepository agents;
    private final CallRepository calls;
    private final SecretCipher cipher;
    private final Clock clock;
    private final SecureRandom random;
    private final WebToolRepository tools;

    /** A service whose calls' tool events are linked to no web tool. */
    public CallService(VoiceAgentRepository agents, CallRepository calls, SecretCipher cipher, Clock clock,
                       SecureRandom random) {
        this(agents, calls, cipher, clock, random, null);
    }

    /**
     * @param tools the team's web tools, which a call's {@code tool.executed} events are linked to by name; null
     *              to link none
     */
    public CallService(VoiceAgentRepository agents, CallRepository calls, SecretCipher cipher, Clock clock,
                       SecureRandom random, WebToolRepository tools) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.tools = tools;
    }

    /** What a call's sealed webhook secret is bound to: that call, for that purpose. */
    public static String secretContext(CallId id) {
        return "call-webhook-secret:" + id;
    }

    @Override
    public Call place(PlaceCallCommand command) {
        Call.checkExternalId(command.externalId());
        VoiceAgent agent = agents.findById(command.team(), command.agentId())
                .orElseThrow(() -> InvalidInputException.of("agentId", "names no voice agent of your team"));
        CallId id = CallId.newId();
        Call call = Call.queued(id, command.team(), agent, command.channel(), command.toNumber(), command.fromNumber(),
                command.params(), command.externalId(), clock.instant());
        WebhookSecret secret = WebhookSecret.generate(random);
        calls.insertQueued(call, cipher.seal(secret.reveal(), secretContext(id)), secret.digest());
        return call;
    }

    @Override
    public Call get(TeamId team, CallId id) {
        return linked(calls.findById(team, id).orElseThrow(() -> new CallNotFoundException(id.toString())),
                new java.util.HashMap<>());
    }

    @Override
    public Page<Call> list(TeamId team, CallFilter filter, PageRequest request) {
        // One lookup per tool name for the whole page, not one per call that ran it.
        java.util.Map<String, java.util.Optional<String>> toolIds = new java.util.HashMap<>();
        return calls.list(team, filter, request).map(call -> linked(call, toolIds));
    }

    /**
     * The call with each {@code tool.executed} on its timeline naming the team's web tool it ran
     * ({@code webToolId}), found by the tool's name: the name is what the agent's model called, and unique in
     * the team. Done as the call is read, so a tool created or renamed later is still found.
     */
    private Call linked(Call call, java.util.Map<String, java.util.Optional<String>> byName) {
        if (tools == null || call.timeline().stream().noneMatch(e -> e.event().equals(HamsaEvent.TOOL_EXECUTED))) {
            return call;
        }
        List<TimelineEntry> timeline = call.timeline().stream().map(entry -> {
            String name = entry.event().equals(HamsaEvent.TOOL_EXECUTED) ? JsonValues.text(entry.detail(), "toolName") : null;
            if (name == null) {
                return entry;
            }
            return byName.computeIfAbsent(name, n -> tools.findByName(call.team(), n).map(t -> t.id().toString()))
                    .map(id -> {
                        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>(entry.detail());
                        detail.put("webToolId", id);
                        return new TimelineEntry(entry.event(), entry.at(), detail);
                    }).orElse(entry);
        }).toList();
        return call.withTimelineView(timeline);
    }

    @Override
    public Call cancel(TeamId team, CallId id) {
        return calls.cancel(team, id, call -> call.cancelled(clock.instant()));
    }
}
