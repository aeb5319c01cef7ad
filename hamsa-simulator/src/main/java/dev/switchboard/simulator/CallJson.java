package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The wire shapes of calls: the conversation, its list entry, its admin entry and its transcript. */
final class CallJson {

    /** ISO-8601 in UTC, always with milliseconds ({@code 2024-01-15T14:35:00.000Z}), as in Hamsa's webhooks. */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Json json;

    CallJson(Json json) {
        this.json = json;
    }

    static String timestamp(Instant instant) {
        return MILLIS.format(instant);
    }

    /** {@code GET /v1/voice-agents/conversation/{id}}. */
    ObjectNode conversation(Conversation call) {
        Conversation.State state = call.state();
        ObjectNode node = json.object()
                .put("id", call.id())
                .put("status", state.status().name())
                .put("voiceAgentId", call.voiceAgentId())
                .put("mediaUrl", state.mediaUrl());
        node.set("callParams", call.params().deepCopy());
        node.put("callDuration", state.callDuration());
        node.put("channelType", call.channel().name());
        node.set("callAnalysis", state.outcomeResult());
        node.putArray("logs");
        ObjectNode jobResponse = node.putObject("jobResponse");
        jobResponse.set("transcription", transcription(state.transcription()));
        jobResponse.set("outcomeResult", state.outcomeResult());
        jobResponse.put("failureReason", state.failureReason());
        node.put("createdAt", timestamp(call.createdAt()));
        return node;
    }

    /** An entry of the conversation lists. */
    ObjectNode listEntry(Conversation call) {
        ObjectNode node = json.object()
                .put("id", call.id())
                .put("status", call.status().name())
                .put("voiceAgentId", call.voiceAgentId())
                .put("channelType", call.channel().name());
        node.set("callParams", call.params().deepCopy());
        return node.put("createdAt", timestamp(call.createdAt()));
    }

    /**
     * An entry of {@code GET /_admin/calls}: what a load generator needs to pose as Hamsa for this
     * call. A call's own secret is shown, as that call's placer sent it; an agent's is masked
     * ({@code Bearer ***}), since no view ever reads an agent's secret back.
     */
    ObjectNode adminEntry(Conversation call) {
        WebhookTarget webhook = call.webhook();
        String authorization = webhook.source() == WebhookTarget.Source.AGENT
                ? AuthHeader.mask(webhook.authorization())
                : webhook.authorization();
        ObjectNode node = json.object()
                .put("jobId", call.id())
                .put("voiceAgentId", call.voiceAgentId())
                .put("channelType", call.channel().name())
                .put("status", call.status().name())
                .put("webhookUrl", webhook.url())
                .put("webhookSource", webhook.source() == null ? null : webhook.source().name())
                .put("authorization", authorization);
        node.set("params", call.params().deepCopy());
        return node.put("createdAt", timestamp(call.createdAt()));
    }

    /** {@code [{"Agent": "..."}, {"User": "..."}]}. */
    ArrayNode transcription(List<Conversation.Line> lines) {
        ArrayNode array = json.array();
        for (Conversation.Line line : lines) {
            array.addObject().put(line.speaker(), line.text());
        }
        return array;
    }
}
