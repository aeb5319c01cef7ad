package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The voice platform in memory: obeys the platform contract, counts calls, and can be told to fail. */
public final class FakeVoiceAgentPlatform implements VoiceAgentPlatform {

    private final Map<HamsaAgentId, PlatformAgent> agents = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<HamsaAgentId, dev.switchboard.domain.model.PlatformWebhook> webhooks =
            Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile PlatformException nextFailure;

    /** The next call (of any kind) throws this, once. */
    public void failNext(PlatformException failure) {
        this.nextFailure = failure;
    }

    private volatile long delayMillis;

    /** Every call takes this long, so tests can make calls overlap. */
    public void slowDown(java.time.Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /** The operations called so far, e.g. ["create", "update"]. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public PlatformAgent createAgent(AgentSettings settings, dev.switchboard.domain.model.PlatformWebhook webhook) {
        enter("create");
        PlatformAgent agent = new PlatformAgent(new HamsaAgentId("fake-" + UUID.randomUUID()), settings);
        agents.put(agent.id(), agent);
        if (webhook != null) {
            webhooks.put(agent.id(), webhook);
        }
        return agent;
    }

    /** The webhook the agent was created with, if any; a clone has its source's, as on Hamsa. */
    public java.util.Optional<dev.switchboard.domain.model.PlatformWebhook> webhookOf(HamsaAgentId id) {
        return java.util.Optional.ofNullable(webhooks.get(id));
    }

    @Override
    public PlatformAgent getAgent(HamsaAgentId id) {
        enter("get");
        return existing(id);
    }

    @Override
    public List<PlatformAgent> listAgents() {
        enter("list");
        synchronized (agents) {
            return List.copyOf(agents.values());
        }
    }

    @Override
    public PlatformAgent updateAgent(HamsaAgentId id, AgentChanges changes) {
        enter("update");
        PlatformAgent updated = new PlatformAgent(id, existing(id).settings().with(changes));
        agents.put(id, updated);
        return updated;
    }

    /** Like Hamsa (and the simulator), a copy keeps the source's knowledge items, tools and webhook. */
    @Override
    public PlatformAgent cloneAgent(HamsaAgentId source, String newName) {
        enter("clone");
        AgentSettings s = existing(source).settings();
        String name = newName != null ? newName : s.name() + " (copy)";
        PlatformAgent copy = new PlatformAgent(new HamsaAgentId("fake-" + UUID.randomUUID()),
                new AgentSettings(name, s.greeting(), s.preamble(), s.language(), s.voiceId(),
                        s.knowledgeBaseItemIds(), s.toolIds()));
        agents.put(copy.id(), copy);
        webhookOf(source).ifPresent(webhook -> webhooks.put(copy.id(), webhook));
        return copy;
    }

    private void enter(String operation) {
        calls.add(operation);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        PlatformException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }

    private PlatformAgent existing(HamsaAgentId id) {
        PlatformAgent agent = agents.get(id);
        if (agent == null) {
            throw new PlatformException(PlatformFailure.NOT_FOUND, "10404", "Voice agent not found");
        }
        return agent;
    }
}
