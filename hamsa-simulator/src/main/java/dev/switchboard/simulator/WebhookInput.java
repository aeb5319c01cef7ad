package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The webhook fields a call and an agent both take, validated alike: {@code webhookUrl} an absolute
 * http(s) URL, {@code webhookAuth{authKey, authSecret}} two non-blank header-safe strings. Errors
 * are noted in {@code errors}, keyed {@code webhookUrl}, {@code webhookAuth}, {@code webhookAuth.authKey}.
 */
final class WebhookInput {

    static final String URL = "webhookUrl";
    static final String AUTH = "webhookAuth";

    /** Header values must not break the header: no control characters (CR and LF above all). */
    private static final Pattern HEADER_SAFE = Pattern.compile("^[^\\p{Cntrl}]*$");

    private WebhookInput() {
    }

    /** Null when absent or null. */
    static String url(JsonNode node, Map<String, String> errors) {
        if (absent(node)) {
            return null;
        }
        if (node.isTextual() && HttpUrls.isAbsoluteHttp(node.textValue())) {
            return node.textValue();
        }
        errors.put(URL, HttpUrls.PROBLEM);
        return null;
    }

    /** Null when absent or null; both parts are required when it is given. */
    static WebhookAuth auth(JsonNode node, Map<String, String> errors) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            errors.put(AUTH, "must be an object {authKey, authSecret}");
            return null;
        }
        String authKey = headerPart(node.get("authKey"), AUTH + ".authKey", errors);
        String authSecret = headerPart(node.get("authSecret"), AUTH + ".authSecret", errors);
        return authKey == null || authSecret == null ? null : new WebhookAuth(authKey, authSecret);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static String headerPart(JsonNode node, String field, Map<String, String> errors) {
        if (absent(node)) {
            errors.put(field, "is required");
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            errors.put(field, "must be a non-blank string");
            return null;
        }
        if (!HEADER_SAFE.matcher(node.textValue()).matches()) {
            errors.put(field, "must not contain control characters");
            return null;
        }
        return node.textValue();
    }
}
