package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformCallRequest;
import dev.switchboard.domain.model.PlatformConversation;
import java.time.Instant;
import java.util.Optional;

/**
 * The voice platform's calls (Hamsa). Every method either returns what the platform said or throws
 * {@link dev.switchboard.domain.model.PlatformException}.
 */
public interface CallPlatform {

    /** Places a phone call; returns the platform's id for it. Never repeated by the adapter. */
    String placeCall(PlatformCallRequest request);

    /**
     * Opens a web conversation with the agent ({@code conversation-init}) for a browser to join; returns the
     * platform's job id for it. Its events go to the agent's own webhook. Never repeated by the adapter.
     */
    String initConversation(HamsaAgentId agent, java.util.Map<String, Object> params);

    /**
     * The platform's id of a call it already has for this Switchboard call (found by the correlation key in its
     * params), among the agent's calls created since {@code since}.
     */
    Optional<String> findCall(HamsaAgentId agent, CallId call, Instant since);

    /** The platform's record of a call. */
    PlatformConversation conversation(String platformCallId);
}
