package dev.switchboard.simulator;

/**
 * {@code webhookAuth{authKey, authSecret}} of a call or an agent. Hamsa sends it back as
 * {@code Authorization: <authKey> <authSecret>}, one space, exactly as given.
 */
record WebhookAuth(String authKey, String authSecret) {

    /** The exact {@code Authorization} header the webhooks carry. */
    String header() {
        return authKey + " " + authSecret;
    }

    /** Never the secret: an agent (and so this) ends up in test failure messages and logs. */
    @Override
    public String toString() {
        return "WebhookAuth[authKey=" + authKey + ", authSecret=***]";
    }
}
