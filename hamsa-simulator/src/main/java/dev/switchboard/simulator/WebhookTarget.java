package dev.switchboard.simulator;

/**
 * Where a conversation's webhooks go, settled when it is created: the call's own {@code webhookUrl}
 * (with the call's own {@code webhookAuth}, or none), else its agent's {@code webhookUrl} with the
 * agent's {@code webhookAuth}, else nowhere. The pair goes together: a call's auth never goes to the
 * agent's URL, nor the agent's secret to the call's.
 *
 * @param url    null when the events go nowhere
 * @param auth   null when they carry no {@code Authorization} header
 * @param source null when the events go nowhere
 */
record WebhookTarget(String url, WebhookAuth auth, Source source) {

    /** Whose webhook it is. */
    enum Source { CALL, AGENT }

    /** Placed through the API: the call's own webhook wins over its agent's. */
    static WebhookTarget of(String callUrl, WebhookAuth callAuth, Agent agent) {
        if (callUrl != null) {
            return new WebhookTarget(callUrl, callAuth, Source.CALL);
        }
        if (agent.webhookUrl() != null) {
            return ofAgent(agent);
        }
        // Nothing is sent; the call's auth is kept only to show what it asked for.
        return new WebhookTarget(null, callAuth, null);
    }

    /** A conversation that names no webhook of its own: web, dashboard, campaign. */
    static WebhookTarget ofAgent(Agent agent) {
        return agent.webhookUrl() == null
                ? new WebhookTarget(null, null, null)
                : new WebhookTarget(agent.webhookUrl(), agent.webhookAuth(), Source.AGENT);
    }

    /** The exact {@code Authorization} header its webhooks carry; null without auth. */
    String authorization() {
        return auth == null ? null : auth.header();
    }
}
