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
}
