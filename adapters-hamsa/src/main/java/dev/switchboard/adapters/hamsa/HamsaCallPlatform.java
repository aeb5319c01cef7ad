package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallId;
import dev.switchboard.domain.model.HamsaAgentId;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.PlatformCallRequest;
import dev.switchboard.domain.model.PlatformConversation;
import dev.switchboard.domain.model.WebhookSecret;
import dev.switchboard.domain.port.out.CallPlatform;
import dev.switchboard.domain.port.out.PlatformTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CallPlatform} on Hamsa's REST API: {@code POST /v1/voice-agents/call} to place a call, the
 * conversation endpoints to find and read one. A translator only, like {@link HamsaVoiceAgentPlatform}.
 */
@ApplicationScoped
class HamsaCallPlatform implements CallPlatform {

    /** Hamsa's largest conversation page (the documentation's perPage limit). */
    static final int PAGE_SIZE = 200;
    /** A search for an earlier placement reads at most this many pages: 10,000 calls of one agent. */
    private static final int MAX_PAGES = 50;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final HamsaCallsApi api;
    private final HamsaTransport transport;
    private final ObjectMapper mapper;

    HamsaCallPlatform(HamsaConfig config, Clock clock, PlatformTraffic traffic, ObjectMapper mapper) {
        this.api = HamsaTransport.client(HamsaCallsApi.class, config, clock, traffic);
        this.transport = new HamsaTransport(traffic, PlatformArea.CALLS);
        this.mapper = mapper;
    }

    @Override
    public String placeCall(PlatformCallRequest request) {
        ObjectNode body = JSON.objectNode();
        body.put("voiceAgentId", request.agent().value());
        body.put("toNumber", request.toNumber());
        if (request.fromNumber() != null) {
            body.put("fromNumber", request.fromNumber());
        }
        body.set("params", mapper.valueToTree(request.params()));
        body.put("webhookUrl", request.webhookUrl().toString());
        ObjectNode auth = body.putObject("webhookAuth");
        auth.put("authKey", WebhookSecret.AUTH_KEY);
        auth.put("authSecret", request.webhookSecret().reveal());
        return jobId(transport.call("place call", false, () -> api.placeCall(body)), "call placed");
    }

    @Override
    public String initConversation(HamsaAgentId agent, Map<String, Object> params) {
        ObjectNode body = JSON.objectNode();
        body.put("voiceAgentId", agent.value());
        body.set("params", mapper.valueToTree(params));
        body.put("voiceEnablement", true);
        return jobId(transport.call("init conversation", false, () -> api.initConversation(body)), "conversation opened");
    }

    /**
     * The job id in Hamsa's answer to a call it was asked to start. Without one, Hamsa still answered 2xx, so it
     * may well have started the call: whoever retries must look first.
     */
    private static String jobId(JsonNode answer, String what) {
        return HamsaJson.firstNonBlank(HamsaJson.payload(answer), "jobId", "id", "callId", "conversationId")
                .orElseThrow(() -> HamsaJson.badResponse(what + " without a jobId").withEffectUnknown());
    }

    /**
     * Walks the agent's calls since {@code since} for one carrying the correlation key. "Not there" is only said
     * when every call was seen and each showed its params; a search that cannot tell (a call without params,
     * more pages than the walk reads) is a failure whose effect is unknown, so the dispatch is tried again later
     * instead of placing the call a second time.
     */
    @Override
    public Optional<String> findCall(HamsaAgentId agent, CallId call, Instant since) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            int current = page;
            JsonNode payload = HamsaJson.payload(transport.call("find call", true,
                    () -> api.conversations(agent.value(), since.toString(), current, PAGE_SIZE)));
            JsonNode items = payload == null ? null : payload.isArray() ? payload : payload.get("calls");
            if (items == null || !items.isArray()) {
                throw HamsaJson.badResponse("conversation list without calls").withEffectUnknown();
            }
            for (JsonNode item : items) {
                JsonNode params = item.has("callParams") ? item.get("callParams") : item.get("params");
                if (params == null || !params.isObject()) {
                    throw HamsaJson.badResponse("a listed call shows no params: cannot tell whether the call is on Hamsa")
                            .withEffectUnknown();
                }
                if (call.toString().equals(params.path(Call.CORRELATION_PARAM).asText(null))) {
                    Optional<String> id = HamsaJson.firstNonBlank(item, "jobId", "id", "conversationId");
                    if (id.isPresent()) {
                        return id;
                    }
                }
            }
            Optional<Long> total = HamsaJson.total(payload);
            if (items.isEmpty() || total.map(t -> (long) current * PAGE_SIZE >= t).orElse(items.size() < PAGE_SIZE)) {
                return Optional.empty();
            }
        }
        throw HamsaJson.badResponse("more than " + MAX_PAGES * PAGE_SIZE + " calls of the agent to search")
                .withEffectUnknown();
    }

    @Override
    public PlatformConversation conversation(String platformCallId) {
        JsonNode c = HamsaJson.payload(transport.call("get conversation", true, () -> api.conversation(platformCallId)));
        if (c == null || !c.isObject()) {
            throw HamsaJson.badResponse("conversation is not an object");
        }
        JsonNode job = c.path("jobResponse");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("conversationId", HamsaJson.firstNonBlank(c, "id", "conversationId").orElse(platformCallId));
        HamsaJson.firstNonBlank(c, "mediaUrl", "recordingUrl").ifPresent(url -> fields.put("conversationRecording", url));
        JsonNode transcription = c.has("transcription") ? c.get("transcription") : job.get("transcription");
        if (transcription != null && transcription.isArray()) {
            fields.put("transcription", mapper.convertValue(transcription, Object.class));
        }
        JsonNode outcome = c.path("callAnalysis").isObject() ? c.get("callAnalysis") : job.get("outcomeResult");
        if (outcome != null && outcome.isObject()) {
            fields.put("outcomeResult", mapper.convertValue(outcome, MAP));
        }
        if (c.path("callDuration").isNumber()) {
            fields.put("callDuration", c.get("callDuration").numberValue());
        }
        HamsaJson.firstNonBlank(job, "failureReason").or(() -> HamsaJson.firstNonBlank(c, "failureReason"))
                .ifPresent(r -> fields.put("failureReason", r));
        JsonNode params = c.path("callParams");
        return new PlatformConversation(HamsaJson.firstNonBlank(c, "id").orElse(platformCallId),
                HamsaJson.firstNonBlank(c, "status").orElse(null),
                params.isObject() ? mapper.convertValue(params, MAP) : Map.of(), fields);
    }

}
