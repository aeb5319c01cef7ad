package dev.switchboard.app.hamsa;

import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformCallRequest;
import dev.switchboard.domain.model.PlatformConversation;
import dev.switchboard.domain.port.out.CallPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The calls port for callers of one priority, each operation within one time budget: see {@link GuardedVoiceAgentPlatform}. */
final class GuardedCallPlatform implements CallPlatform {

    private final CallPlatform platform;
    private final HamsaCalls calls;
    private final Priority priority;
    private final Duration maxDuration;

    GuardedCallPlatform(CallPlatform platform, HamsaCalls calls, Priority priority, Duration maxDuration) {
        this.platform = platform;
        this.calls = calls;
        this.priority = priority;
        this.maxDuration = maxDuration;
    }

    @Override
    public String placeCall(PlatformCallRequest request) {
        return calls.forCaller(priority, maxDuration, () -> platform.placeCall(request));
    }

    @Override
    public String initConversation(HamsaAgentId agent, java.util.Map<String, Object> params) {
        return calls.forCaller(priority, maxDuration, () -> platform.initConversation(agent, params));
    }

    @Override
    public Optional<String> findCall(HamsaAgentId agent, CallId call, Instant since) {
        return calls.forCaller(priority, maxDuration, () -> platform.findCall(agent, call, since));
    }

    @Override
    public PlatformConversation conversation(String platformCallId) {
        return calls.forCaller(priority, maxDuration, () -> platform.conversation(platformCallId));
    }
}
