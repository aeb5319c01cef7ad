package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformCallRequest;
import dev.switchboard.domain.model.PlatformConversation;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.port.out.CallPlatform;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hamsa's calls in memory: records every call placed with its request, and can be told to fail. Ids are
 * {@code job-1}, {@code job-2}, ... in placing order.
 */
public final class FakeCallPlatform implements CallPlatform {

    private final Clock clock;
    private final List<Placement> placed = new ArrayList<>();
    private final List<String> operations = new ArrayList<>();
    private final List<WebConversation> opened = new ArrayList<>();
    private final Map<String, PlatformConversation> conversations = new HashMap<>();
    private int failuresLeft;
    private PlatformException placeFailure;
    private boolean placeThenTimeOut;
    private PlatformException nextFindFailure;
    private PlatformException nextConversationFailure;

    public FakeCallPlatform(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A call Hamsa holds: its id, what it was asked, and when. */
    public record Placement(String hamsaCallId, PlatformCallRequest request, Instant at) {
    }

    /** The next {@code times} placeCall throw {@code failure}, placing nothing. */
    public synchronized void failNextPlacements(int times, PlatformException failure) {
        this.failuresLeft = times;
        this.placeFailure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * The next placeCall (or initConversation) places the call (opens the conversation), then throws a TIMEOUT:
     * the caller cannot know it took effect.
     */
    public synchronized void placeThenTimeOutNext() {
        this.placeThenTimeOut = true;
    }

    /** The next findCall throws this, once. */
    public synchronized void failNextFind(PlatformException failure) {
        this.nextFindFailure = failure;
    }

    /** The next conversation throws this, once. */
    public synchronized void failNextConversation(PlatformException failure) {
        this.nextConversationFailure = failure;
    }

    /** What conversation(id) answers from now on. */
    public synchronized void setConversation(PlatformConversation conversation) {
        conversations.put(conversation.id(), conversation);
    }

    /** A web conversation opened with initConversation. */
    public record WebConversation(String jobId, HamsaAgentId agent, Map<String, Object> params, Instant at) {
    }

    public synchronized List<WebConversation> opened() {
        return List.copyOf(opened);
    }

    public synchronized List<Placement> placed() {
        return List.copyOf(placed);
    }

    /** The operations called so far, failed ones included: "placeCall", "initConversation", "findCall", "conversation". */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    @Override
    public synchronized String placeCall(PlatformCallRequest request) {
        operations.add("placeCall");
        if (failuresLeft > 0) {
            failuresLeft--;
            throw placeFailure;
        }
        String id = "job-" + (placed.size() + 1);
        placed.add(new Placement(id, request, clock.instant()));
        if (placeThenTimeOut) {
            placeThenTimeOut = false;
            throw PlatformException.withoutAnswer(PlatformFailure.TIMEOUT, "read timed out after the request was sent",
                    null);
        }
        return id;
    }

    /** Fails with the same scripted failures as placeCall, placeThenTimeOutNext included. */
    @Override
    public synchronized String initConversation(HamsaAgentId agent, Map<String, Object> params) {
        operations.add("initConversation");
        if (failuresLeft > 0) {
            failuresLeft--;
            throw placeFailure;
        }
        String id = "web-job-" + (opened.size() + 1);
        opened.add(new WebConversation(id, agent, Map.copyOf(params), clock.instant()));
        if (placeThenTimeOut) {
            placeThenTimeOut = false;
            throw PlatformException.withoutAnswer(PlatformFailure.TIMEOUT, "read timed out after the request was sent",
                    null);
        }
        return id;
    }

    @Override
    public synchronized Optional<String> findCall(HamsaAgentId agent, CallId call, Instant since) {
        operations.add("findCall");
        if (nextFindFailure != null) {
            PlatformException failure = nextFindFailure;
            nextFindFailure = null;
            throw failure;
        }
        Optional<String> phone = placed.stream()
                .filter(p -> p.request().agent().equals(agent) && !p.at().isBefore(since))
                .filter(p -> call.toString().equals(p.request().params().get(Call.CORRELATION_PARAM)))
                .map(Placement::hamsaCallId).findFirst();
        return phone.or(() -> opened.stream()
                .filter(w -> w.agent().equals(agent) && !w.at().isBefore(since))
                .filter(w -> call.toString().equals(w.params().get(Call.CORRELATION_PARAM)))
                .map(WebConversation::jobId).findFirst());
    }

    @Override
    public synchronized PlatformConversation conversation(String platformCallId) {
        operations.add("conversation");
        if (nextConversationFailure != null) {
            PlatformException failure = nextConversationFailure;
            nextConversationFailure = null;
            throw failure;
        }
        PlatformConversation conversation = conversations.get(platformCallId);
        if (conversation == null) {
            throw new PlatformException(PlatformFailure.NOT_FOUND, "10404", "Conversation not found");
        }
        return conversation;
    }
}
