package dev.switchboard.domain.port.in;

/**
 * Takes one Hamsa webhook delivery: checks who sent it, validates it, and stores it in the inbox before
 * returning. It is applied to its call later, by {@link ApplyCallEventsUseCase}.
 */
public interface ReceiveHamsaWebhookUseCase {

    /**
     * @throws dev.switchboard.domain.model.WebhookRefusedException for bad credentials or an unknown call, agent or project
     * @throws dev.switchboard.domain.model.InvalidInputException for an envelope that is not one
     * @throws dev.switchboard.domain.model.StorageUnavailableException if it could not be stored
     */
    WebhookReceipt receive(HamsaDelivery delivery);

    /**
     * Takes one delivery to an agent-level webhook ({@code delivery.callId()} is not used: the event's own
     * {@code callId} names Hamsa's call). The event must name one of the webhook's team's agents; a call
     * Switchboard does not know is adopted, so its events are kept like those of a call Switchboard placed.
     *
     * @throws dev.switchboard.domain.model.WebhookRefusedException for bad credentials, an unknown webhook,
     *         agent or project
     * @throws dev.switchboard.domain.model.InvalidInputException for an envelope that is not one, or names no
     *         agent or call
     * @throws dev.switchboard.domain.model.StorageUnavailableException if it could not be stored
     */
    WebhookReceipt receiveForAgent(String webhookId, HamsaDelivery delivery);
}
