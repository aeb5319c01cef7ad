package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Wraps payloads and errors in the envelope Hamsa uses for the configured {@link Envelope}. */
final class EnvelopeWriter {

    private final Envelope envelope;
    private final Json json;

    EnvelopeWriter(Envelope envelope, Json json) {
        this.envelope = envelope;
        this.json = json;
    }

    Envelope envelope() {
        return envelope;
    }

    ObjectNode success(JsonNode data) {
        ObjectNode root = json.object();
        root.put("success", true);
        if (envelope == Envelope.DOCS) {
            root.put("message", "success");
            root.put("messageKey", "success");
        }
        root.set("data", data);
        return root;
    }

    ObjectNode error(ApiException error) {
        ObjectNode root = json.object();
        if (envelope == Envelope.DOCS) {
            root.put("message", error.getMessage());
            root.put("messageKey", error.messageKey());
            return root;
        }
        root.put("success", false);
        ObjectNode body = root.putObject("error");
        body.put("code", error.code());
        body.put("message", error.getMessage());
        ObjectNode details = body.putObject("details");
        error.details().forEach(details::put);
        return root;
    }
}
