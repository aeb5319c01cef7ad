package dev.switchboard.domain.service;

import dev.switchboard.domain.fake.CallFixtures;
import dev.switchboard.domain.fake.FakeCallPlatform;
import dev.switchboard.domain.fake.FakeSecretCipher;
import dev.switchboard.domain.fake.InMemoryCallEventInbox;
import dev.switchboard.domain.fake.InMemoryCallRepository;
import dev.switchboard.domain.fake.InMemoryVoiceAgentRepository;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallChannel;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.CallPolicy;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.port.in.PlaceCallCommand;
import dev.switchboard.domain.port.out.CallEventInbox.RetryPolicy;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The call use cases wired to in-memory fakes, as the call service tests share them. */
final class CallHarness {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration RETRY_DELAY = Duration.ofSeconds(10);
    static final int MAX_ATTEMPTS = 3;
    static final Duration MAX_CALL = Duration.ofMinutes(15);
    static final Duration RECHECK = Duration.ofMinutes(5);
    static final CallPolicy POLICY = new CallPolicy(URI.create("https://switchboard.example/base"), LEASE, RETRY_DELAY,
            MAX_ATTEMPTS, MAX_CALL, RECHECK, Optional.empty());
    static final RetryPolicy APPLY_RETRY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(1));

    final TeamId team = TeamId.newId();
    final MutableClock clock = new MutableClock(T0);
    final InMemoryVoiceAgentRepository agents = new InMemoryVoiceAgentRepository();
    final InMemoryCallRepository calls = new InMemoryCallRepository(clock);
    final InMemoryCallEventInbox inbox = new InMemoryCallEventInbox(calls, clock);
    final FakeCallPlatform platform = new FakeCallPlatform(clock);
    final FakeSecretCipher cipher = new FakeSecretCipher();
    final VoiceAgent agent = CallFixtures.agent(team, T0);
    final CallService callService = new CallService(agents, calls, cipher, clock, new SecureRandom());
    final CallDispatchService dispatcher = new CallDispatchService(calls, platform, cipher, clock, POLICY, "worker-1");
    final CallEventService events = new CallEventService(inbox, clock, APPLY_RETRY);
    final CallReconcileService reconciler = new CallReconcileService(calls, platform, inbox, clock, POLICY);

    CallHarness() {
        agents.insert(agent);
    }

    Call place() {
        return callService.place(new PlaceCallCommand(team, agent.id(), "+15551234567", "+15557654321",
                CallFixtures.startParams(), null));
    }

    /** A web conversation of the harness's agent, as a team asks for one: no numbers. */
    Call placeWeb() {
        return callService.place(new PlaceCallCommand(team, agent.id(), CallChannel.WEB, null, null,
                CallFixtures.startParams(), null));
    }

    /** The secret the call's webhooks must present, as the dispatcher gives it to Hamsa. */
    WebhookSecret secretOf(CallId id) {
        return WebhookSecret.of(cipher.open(calls.sealedSecret(id), CallService.secretContext(id)));
    }

    Call stored(CallId id) {
        return calls.load(id).orElseThrow();
    }

    /** Places a call and has Hamsa accept it as {@code hamsaCallId}, without going through the platform. */
    Call placeAndDispatchAs(String hamsaCallId) {
        Call call = place();
        var job = calls.lease(1, "setup", LEASE).get(0);
        Call dispatched = call.dispatched(hamsaCallId, clock.instant());
        if (!calls.complete(job, current -> dispatched)) {
            throw new IllegalStateException("setup lost its lease");
        }
        return dispatched;
    }
}
