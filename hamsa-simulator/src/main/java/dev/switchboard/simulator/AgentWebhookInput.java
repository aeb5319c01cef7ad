package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook an agent body names, {@code webhookUrl} and {@code webhookAuth{authKey, authSecret}},
 * validated as a call's are. Hamsa sends it the events of the calls that name no webhook of their
 * own. In a patch, a field left out keeps its value and an explicit null removes it (an agent's
 * webhook must be removable, unlike a name); in a create, both mean none.
 */
record AgentWebhookInput(boolean namesUrl, String url, boolean namesAuth, WebhookAuth auth) {

    /** @throws ApiException 400 with a detail per bad field */
    static AgentWebhookInput read(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String url = WebhookInput.url(body.get(WebhookInput.URL), errors);
        WebhookAuth auth = WebhookInput.auth(body.get(WebhookInput.AUTH), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new AgentWebhookInput(body.has(WebhookInput.URL), url, body.has(WebhookInput.AUTH), auth);
    }

    String urlOr(String current) {
        return namesUrl ? url : current;
    }

    WebhookAuth authOr(WebhookAuth current) {
        return namesAuth ? auth : current;
    }
}
