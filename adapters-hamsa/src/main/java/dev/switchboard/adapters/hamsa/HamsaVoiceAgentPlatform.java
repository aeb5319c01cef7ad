package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.port.out.PlatformTraffic;
import dev.switchboard.domain.port.out.VoiceAgentPlatform;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    /** How the JDK, Netty and Vert.x word a connection that was never made. */
    private static final List<String> NEVER_CONNECTED = List.of("connection refused", "connecttimeout",
            "unknownhost", "no route to host", "unresolved", "sslhandshake", "connectionpooltoobusy");

    private final HamsaAgentsApi api;
    private final PlatformTraffic traffic;
    private final int pageSize;

    HamsaVoiceAgentPlatform(HamsaConfig config, Clock clock, PlatformTraffic traffic) {
        this.traffic = traffic;
        this.pageSize = Math.max(1, Math.min(config.pageSize(), MAX_PAGE_SIZE));
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.baseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new HamsaAuthFilter(config.apiKey().orElse(null)))
                .register(new HamsaRateLimitHeaders(traffic, clock))
                .register(new HamsaErrorMapper(clock))
                .build(HamsaAgentsApi.class);
        LOG.infof("Hamsa voice-agent client for %s (key %s)", config.baseUrl(),
                config.apiKey().isPresent() ? "configured" : "MISSING");
    }

    @Override
    public PlatformAgent createAgent(AgentSettings settings) {
        return HamsaJson.agent(HamsaJson.payload(call("create agent", false, () -> api.create(HamsaJson.agentBody(settings)))));
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

    /** @param repeatable GET and PATCH (the same values applied twice change nothing); not the POSTs that make agents */
    private JsonNode call(String operation, boolean repeatable, Supplier<JsonNode> request) {
        return traffic.send(PlatformArea.AGENTS, operation, repeatable, () -> {
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
        });
    }

    private static PlatformException transportFailure(String operation, ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PlatformException pe) {
                return pe;
            }
        }
        PlatformFailure kind = transportFailureKind(e);
        LOG.warnf("Hamsa %s failed without an answer (%s): %s", operation, kind, rootMessage(e));
        return PlatformException.withoutAnswer(kind, "Hamsa " + operation + ": " + rootMessage(e), e);
    }

    /**
     * A connection that never opened is UNAVAILABLE (nothing reached Hamsa, so nothing happened there); a
     * body Jackson could not read is BAD_RESPONSE; any other missing answer (no answer in time, a connection
     * dropped or reset after the request went out) is TIMEOUT: the request may have taken effect.
     */
    static PlatformFailure transportFailureKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return PlatformFailure.BAD_RESPONSE;
            }
            String text = (t.getClass().getSimpleName() + " " + t.getMessage()).toLowerCase(Locale.ROOT);
            if (NEVER_CONNECTED.stream().anyMatch(text::contains)) {
                return PlatformFailure.UNAVAILABLE;
            }
        }
        // No answer for any other reason (read timeout, connection closed or reset after sending, ...): the
        // request may have reached Hamsa and been carried out.
        return PlatformFailure.TIMEOUT;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
