package dev.switchboard.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A voice agent as the simulator holds it, for tests. Unlike every read over HTTP, it carries the
 * agent's webhook secret, inside {@code authorization}.
 *
 * @param webhookUrl    where the events of its calls that name no webhook of their own go; null when it has none
 * @param authorization the exact {@code Authorization} header those events carry
 *                      ({@code authKey + " " + authSecret}); null when it has no {@code webhookAuth}
 */
public record SimulatedAgent(
        String id,
        String name,
        String preamble,
        String greeting,
        String language,
        String voiceId,
        List<String> tools,
        List<String> knowledgeBaseItemsIds,
        String webhookUrl,
        String authorization,
        Instant createdAt,
        Instant updatedAt) {

    public SimulatedAgent {
        Objects.requireNonNull(id, "id");
        tools = tools == null ? List.of() : List.copyOf(tools);
        knowledgeBaseItemsIds = knowledgeBaseItemsIds == null ? List.of() : List.copyOf(knowledgeBaseItemsIds);
    }

    static SimulatedAgent of(Agent agent) {
        return new SimulatedAgent(agent.id(), agent.name(), agent.preamble(), agent.greeting(), agent.language(),
                agent.voiceId(), agent.tools(), agent.knowledgeBaseItemsIds(), agent.webhookUrl(),
                agent.webhookAuth() == null ? null : agent.webhookAuth().header(), agent.createdAt(),
                agent.updatedAt());
    }

    /** The webhook secret stays out of test failure messages and logs. */
    @Override
    public String toString() {
        return "SimulatedAgent[id=" + id + ", name=" + name + ", webhookUrl=" + webhookUrl
                + ", authorization=" + (authorization == null ? null : "***") + "]";
    }
}
