package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_admin/calls...} and {@code /_admin/webhooks...}: the call script, the accepted calls and
 * the webhook deliveries, for tests and load generators; and what happens on Hamsa's side without
 * an API request: a browser joining a web conversation ({@code /_admin/conversations/{jobId}/join}),
 * a call started from Hamsa's dashboard or a campaign ({@code /_admin/outside-calls}).
 */
final class CallAdmin {

    private static final Set<String> SCRIPT_FIELDS = Set.of("outcome", "stepDelayMillis", "transcriptTurns", "copies",
            "shuffle", "dropEventTypes", "deliveryDelayMillis", "autoPlay", "maxAttempts", "retryBackoffMillis");

    private final CallStore calls;
    private final CallLifecycle lifecycle;
    private final CallPlacer placer;
    private final CallJson callJson;
    private final Json json;

    CallAdmin(CallStore calls, CallLifecycle lifecycle, CallPlacer placer, Json json) {
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.placer = placer;
        this.callJson = new CallJson(json);
        this.json = json;
    }

    Router routes(Router router, String prefix) {
        return router
                .add("GET", prefix + "/calls", request -> Router.Reply.ok(callsJson()))
                .add("GET", prefix + "/calls/script", request -> Router.Reply.ok(scriptJson(lifecycle.script())))
                .add("PUT", prefix + "/calls/script", this::putScript)
                .add("GET", prefix + "/webhooks/deliveries", request -> Router.Reply.ok(deliveriesJson()))
                .add("DELETE", prefix + "/webhooks/deliveries", request -> Router.Reply.ok(
                        json.object().put("cleared", lifecycle.dispatcher().clearDeliveries())))
                .add("POST", prefix + "/conversations/{jobId}/join", request -> Router.Reply.ok(
                        json.object().put("jobId", placer.join(request.param("jobId")).id())))
                .add("POST", prefix + "/outside-calls", request -> Router.Reply.ok(json.object().put("jobId",
                        placer.placeOutsideCall(json.parseObject(request.body())).id())));
    }

    private ArrayNode callsJson() {
        ArrayNode array = json.array();
        calls.all().forEach(call -> array.add(callJson.adminEntry(call)));
        return array;
    }

    private ArrayNode deliveriesJson() {
        ArrayNode array = json.array();
        for (WebhookDelivery delivery : lifecycle.dispatcher().deliveries()) {
            array.addObject()
                    .put("callId", delivery.callId())
                    .put("eventType", delivery.eventType())
                    .put("timestamp", delivery.timestamp())
                    .put("attempt", delivery.attempt())
                    .put("status", delivery.status())
                    .put("at", delivery.at().toString());
        }
        return array;
    }

    /** Any subset of the fields, merged into the current script; unknown fields are refused. */
    private Router.Reply putScript(Router.Request request) {
        JsonNode body = json.parseObject(request.body());
        Map<String, String> errors = new LinkedHashMap<>();
        JsonFields.refuseUnknown(body, SCRIPT_FIELDS, errors);
        CallScript current = lifecycle.script();
        CallScript.Outcome outcome = current.outcome();
        JsonNode outcomeNode = body.get("outcome");
        if (outcomeNode != null) {
            outcome = outcomeNode.isTextual() ? CallScript.outcomeNamed(outcomeNode.textValue()) : null;
            if (outcome == null) {
                errors.put("outcome", "must be COMPLETED, NO_ANSWER or FAILED");
                outcome = current.outcome();
            }
        }
        long stepDelay = JsonFields.longField(body, "stepDelayMillis", current.stepDelayMillis(), errors);
        long turns = JsonFields.longField(body, "transcriptTurns", current.transcriptTurns(), errors);
        long copies = JsonFields.longField(body, "copies", current.copies(), errors);
        boolean shuffle = JsonFields.booleanField(body, "shuffle", current.shuffle(), errors);
        Set<String> drop = current.dropEventTypes();
        JsonNode dropNode = body.get("dropEventTypes");
        if (dropNode != null) {
            drop = new LinkedHashSet<>();
            if (!dropNode.isArray()) {
                errors.put("dropEventTypes", "must be an array of event types");
            } else {
                for (JsonNode type : dropNode) {
                    if (!type.isTextual()) {
                        errors.put("dropEventTypes", "must be an array of event types");
                    } else {
                        drop.add(type.textValue());
                    }
                }
            }
        }
        long deliveryDelay = JsonFields.longField(body, "deliveryDelayMillis", current.deliveryDelayMillis(), errors);
        boolean autoPlay = JsonFields.booleanField(body, "autoPlay", current.autoPlay(), errors);
        long maxAttempts = JsonFields.longField(body, "maxAttempts", current.maxAttempts(), errors);
        long backoff = JsonFields.longField(body, "retryBackoffMillis", current.retryBackoffMillis(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CallScript updated;
        try {
            updated = new CallScript(outcome, stepDelay, toInt(turns), toInt(copies), shuffle, drop, deliveryDelay,
                    autoPlay, toInt(maxAttempts), backoff);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        lifecycle.setScript(updated);
        return Router.Reply.ok(scriptJson(updated));
    }

    ObjectNode scriptJson(CallScript script) {
        ObjectNode node = json.object()
                .put("outcome", script.outcome().name())
                .put("stepDelayMillis", script.stepDelayMillis())
                .put("transcriptTurns", script.transcriptTurns())
                .put("copies", script.copies())
                .put("shuffle", script.shuffle());
        ArrayNode drop = node.putArray("dropEventTypes");
        script.dropEventTypes().stream().sorted().forEach(drop::add);
        return node.put("deliveryDelayMillis", script.deliveryDelayMillis())
                .put("autoPlay", script.autoPlay())
                .put("maxAttempts", script.maxAttempts())
                .put("retryBackoffMillis", script.retryBackoffMillis());
    }

    /** Out-of-range values are left to the record's checks, which name the field and its range. */
    private static int toInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }


}
