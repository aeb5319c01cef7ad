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

    public CallService(VoiceAgentRepository agents, CallRepository calls, SecretCipher cipher, Clock clock,
                       SecureRandom random) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
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
        Call call = Call.queued(id, command.team(), agent, command.toNumber(), command.fromNumber(), command.params(),
                command.externalId(), clock.instant());
        WebhookSecret secret = WebhookSecret.generate(random);
        calls.insertQueued(call, cipher.seal(secret.reveal(), secretContext(id)), secret.digest());
        return call;
    }

    @Override
    public Call get(TeamId team, CallId id) {
        return calls.findById(team, id).orElseThrow(() -> new CallNotFoundException(id.toString()));
    }

    @Override
    public Page<Call> list(TeamId team, CallFilter filter, PageRequest request) {
        return calls.list(team, filter, request);
    }

    @Override
    public Call cancel(TeamId team, CallId id) {
        return calls.cancel(team, id, call -> call.cancelled(clock.instant()));
    }
}
