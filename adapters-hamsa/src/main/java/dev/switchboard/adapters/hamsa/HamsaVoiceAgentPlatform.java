package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformWebhook;
import dev.switchboard.domain.model.WebhookSecret;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.port.out.PlatformTraffic;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * {@link VoiceAgentPlatform} on Hamsa's REST API. A plain translator: it retries nothing and limits
 * nothing, so the policies that app wraps around the port (quota, retries, breaker) see every failure.
 * Each HTTP request goes out through {@link PlatformTraffic}, and every answer's rate-limit headers are
 * reported to it: that is how app's queue and shared quota see single requests.
 */
@ApplicationScoped
class HamsaVoiceAgentPlatform implements VoiceAgentPlatform {

    private static final Logger LOG = Logger.getLogger(HamsaVoiceAgentPlatform.class);
    /** A guard against a server whose paging never ends: 10,000 pages is far past any real account. */
    private static final int MAX_PAGES = 10_000;
    /** Hamsa's largest page (the documentation's perPage limit is 200; the guide is silent): stay under both. */
    static final int MAX_PAGE_SIZE = 100;

    private final HamsaAgentsApi api;
    private final HamsaTransport transport;
    private final int pageSize;

    HamsaVoiceAgentPlatform(HamsaConfig config, Clock clock, PlatformTraffic traffic) {
        this.transport = new HamsaTransport(traffic, PlatformArea.AGENTS);
        this.pageSize = Math.max(1, Math.min(config.pageSize(), MAX_PAGE_SIZE));
        this.api = HamsaTransport.client(HamsaAgentsApi.class, config, clock, traffic);
        LOG.infof("Hamsa voice-agent client for %s (key %s)", config.baseUrl(),
                config.apiKey().isPresent() ? "configured" : "MISSING");
    }

    @Override
    public PlatformAgent createAgent(AgentSettings settings, PlatformWebhook webhook) {
        ObjectNode body = HamsaJson.agentBody(settings);
        if (webhook != null) {
            body.put("webhookUrl", webhook.url().toString());
            ObjectNode auth = body.putObject("webhookAuth");
            auth.put("authKey", WebhookSecret.AUTH_KEY);
            auth.put("authSecret", webhook.secret().reveal());
        }
        return HamsaJson.agent(HamsaJson.payload(call("create agent", false, () -> api.create(body))));
    }

    @Override
    public PlatformAgent getAgent(HamsaAgentId id) {
        return HamsaJson.agent(HamsaJson.payload(call("get agent", true, () -> api.get(id.value()))));
    }

    @Override
    public List<PlatformAgent> listAgents() {
        // Keyed by id: a page that shifts while we walk (an agent created meanwhile) must not yield duplicates.
        Map<HamsaAgentId, PlatformAgent> agents = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            int current = page;
            JsonNode payload = HamsaJson.payload(call("list agents", true, () -> api.list(current, pageSize)));
            List<JsonNode> items = HamsaJson.agentPage(payload);
            items.stream().map(HamsaJson::agent).forEach(a -> agents.putIfAbsent(a.id(), a));
            // A server may cap the page below what we asked for, so a short page does not prove the
            // end: only an empty page, or having seen the total Hamsa reports, does.
            Optional<Long> total = HamsaJson.total(payload);
            boolean lastPage = items.isEmpty() || total.map(t -> agents.size() >= t).orElse(false);
            if (lastPage) {
                return new ArrayList<>(agents.values());
            }
        }
        throw HamsaJson.badResponse("agent list did not end after " + MAX_PAGES + " pages");
    }

    @Override
    public PlatformAgent updateAgent(HamsaAgentId id, AgentChanges changes) {
        return HamsaJson.agent(HamsaJson.payload(
                call("update agent", true, () -> api.update(id.value(), HamsaJson.changesBody(changes)))));
    }

    @Override
    public PlatformAgent cloneAgent(HamsaAgentId source, String newName) {
        JsonNode payload = HamsaJson.payload(call("clone agent", false, () -> api.cloneAgent(HamsaJson.cloneBody(source, newName))));
        // Neither source shows the clone answer; should it carry only the new id, read the copy back in full.
        if (payload != null && payload.isObject() && payload.size() <= 2 && payload.has("id")) {
            return getAgent(new HamsaAgentId(payload.get("id").asText()));
        }
        return HamsaJson.agent(payload);
    }

    private JsonNode call(String operation, boolean repeatable, Supplier<JsonNode> request) {
        return transport.call(operation, repeatable, request);
    }
}
