package dev.switchboard.adapters.web;

/** A webhook body that is not a JSON object: 400, nothing stored. */
public final class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
