package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * {@link VoiceAgentPlatform} on Hamsa's REST API. A plain translator: it retries nothing and limits
 * nothing, so the policies that app wraps around the port (quota, retries, breaker) see every failure.
 */
@ApplicationScoped
class HamsaVoiceAgentPlatform implements VoiceAgentPlatform {

    private static final Logger LOG = Logger.getLogger(HamsaVoiceAgentPlatform.class);
    /** A guard against a server whose paging never ends: 10,000 pages is far past any real account. */
    private static final int MAX_PAGES = 10_000;

    private final HamsaAgentsApi api;
    private final int pageSize;

    HamsaVoiceAgentPlatform(HamsaConfig config, Clock clock) {
        this.pageSize = config.pageSize();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.baseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new HamsaAuthFilter(config.apiKey().orElse(null)))
                .register(new HamsaErrorMapper(clock))
                .build(HamsaAgentsApi.class);
        LOG.infof("Hamsa voice-agent client for %s (key %s)", config.baseUrl(),
                config.apiKey().isPresent() ? "configured" : "MISSING");
    }

    @Override
    public PlatformAgent createAgent(AgentSettings settings) {
        return HamsaJson.agent(HamsaJson.payload(call("create agent", () -> api.create(HamsaJson.agentBody(settings)))));
    }

    @Override
    public PlatformAgent getAgent(HamsaAgentId id) {
        return HamsaJson.agent(HamsaJson.payload(call("get agent", () -> api.get(id.value()))));
    }

    @Override
    public List<PlatformAgent> listAgents() {
        // Keyed by id: a page that shifts while we walk (an agent created meanwhile) must not yield duplicates.
        Map<HamsaAgentId, PlatformAgent> agents = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            int current = page;
            JsonNode payload = HamsaJson.payload(call("list agents", () -> api.list(current, pageSize)));
            List<JsonNode> items = HamsaJson.agentPage(payload);
            items.stream().map(HamsaJson::agent).forEach(a -> agents.putIfAbsent(a.id(), a));
            Optional<Long> total = HamsaJson.total(payload);
            boolean lastPage = items.isEmpty() || items.size() < pageSize
                    || total.map(t -> (long) current * pageSize >= t).orElse(false);
            if (lastPage) {
                return new ArrayList<>(agents.values());
            }
        }
        throw HamsaJson.badResponse("agent list did not end after " + MAX_PAGES + " pages");
    }

    @Override
    public PlatformAgent updateAgent(HamsaAgentId id, AgentChanges changes) {
        return HamsaJson.agent(HamsaJson.payload(
                call("update agent", () -> api.update(id.value(), HamsaJson.changesBody(changes)))));
    }

    @Override
    public PlatformAgent cloneAgent(HamsaAgentId source, String newName) {
        JsonNode payload = HamsaJson.payload(call("clone agent", () -> api.cloneAgent(HamsaJson.cloneBody(source, newName))));
        // Some Hamsa answers carry only the new id; then the copy is read back in full.
        if (payload != null && payload.isObject() && payload.size() <= 2 && payload.has("id")) {
            return getAgent(new HamsaAgentId(payload.get("id").asText()));
        }
        return HamsaJson.agent(payload);
    }

    private static JsonNode call(String operation, Supplier<JsonNode> request) {
        try {
            JsonNode body = request.get();
            if (body == null) {
                throw HamsaJson.badResponse(operation + " answered with an empty body");
            }
            return body;
        } catch (PlatformException e) {
            LOG.debugf("Hamsa %s failed: %s", operation, e.getMessage());
            throw e;
        } catch (ProcessingException e) {
            throw transportFailure(operation, e);
        }
    }

    private static PlatformException transportFailure(String operation, ProcessingException e) {
        PlatformFailure kind = PlatformFailure.UNAVAILABLE;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PlatformException pe) {
                return pe;
            }
            if (t instanceof JsonProcessingException) {
                kind = PlatformFailure.BAD_RESPONSE;
                break;
            }
            String text = (t.getClass().getSimpleName() + " " + t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("timeout") || text.contains("timed out")) {
                kind = PlatformFailure.TIMEOUT;
                break;
            }
        }
        LOG.warnf("Hamsa %s failed without an answer (%s): %s", operation, kind, e.getMessage());
        return new PlatformException(kind, null, "Hamsa " + operation + ": " + rootMessage(e), null, Map.of(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
