package dev.switchboard.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.switchboard.domain.port.in.HamsaDelivery;
import dev.switchboard.domain.port.in.ReceiveHamsaWebhookUseCase;
import dev.switchboard.domain.port.in.WebhookReceipt;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where Hamsa sends a call's webhooks. No team key: Hamsa proves itself with the call's own secret, which the
 * use case checks before it reads the body. The answer is 200 only once the event is stored; 503 when it could
 * not be, so Hamsa sends it again.
 */
@Path("/webhooks/hamsa")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hamsa webhooks")
public class HamsaWebhookResource {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final ReceiveHamsaWebhookUseCase receive;
    private final ObjectMapper json;

    HamsaWebhookResource(ReceiveHamsaWebhookUseCase receive, ObjectMapper json) {
        this.receive = receive;
        this.json = json;
    }

    @Schema(name = "WebhookReceipt")
    public record Receipt(boolean received, boolean duplicate) {
    }

    @POST
    @Path("calls/{callId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Hamsa's events about one call (call.started, call.answered, transcription.update, "
            + "tool.executed, call.ended); Authorization: Bearer <the call's webhook secret>")
    public Receipt callEvent(@PathParam("callId") String callId,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        WebhookReceipt receipt = receive.receive(new HamsaDelivery(callId, authorization, () -> parse(body), body));
        return new Receipt(true, receipt.duplicate());
    }

    @POST
    @Path("agents/{webhookId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Hamsa's events about an agent's calls that name no webhook of their own (web conversations, "
            + "calls started from Hamsa's dashboard or campaigns); Authorization: Bearer <the agent's webhook secret>")
    public Receipt agentEvent(@PathParam("webhookId") String webhookId,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        WebhookReceipt receipt = receive.receiveForAgent(webhookId,
                new HamsaDelivery(null, authorization, () -> parse(body), body));
        return new Receipt(true, receipt.duplicate());
    }

    private Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedWebhookException("The body is empty; Hamsa's event is a JSON object.");
        }
        try {
            return json.readValue(body, OBJECT);
        } catch (MismatchedInputException e) {
            throw new MalformedWebhookException("The body is JSON, but not an object.");
        } catch (JsonProcessingException e) {
            throw new MalformedWebhookException("The body is not valid JSON.");
        }
    }
}
