package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Reads optional fields of an admin request body, noting each one of the wrong type in {@code errors}. */
final class JsonFields {

    private JsonFields() {
    }

    /** Notes in {@code errors} each field of the body that is not one of {@code known}. */
    static void refuseUnknown(JsonNode body, java.util.Set<String> known, Map<String, String> errors) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.put(name, "unknown field; expected some of " + new java.util.TreeSet<>(known));
            }
        });
    }

    static long longField(JsonNode body, String name, long fallback, Map<String, String> errors) {
        JsonNode node = body.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            errors.put(name, "must be an integer");
            return fallback;
        }
        return node.longValue();
    }

    static boolean booleanField(JsonNode body, String name, boolean fallback, Map<String, String> errors) {
        JsonNode node = body.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            errors.put(name, "must be true or false");
            return fallback;
        }
        return node.booleanValue();
    }
}
