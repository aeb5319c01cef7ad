package dev.switchboard.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.switchboard.adapters.web.guard.RateLimitFields;
import dev.switchboard.domain.model.Admission;
import dev.switchboard.domain.model.ApiKeyNotFoundException;
import dev.switchboard.domain.model.CallNotCancellableException;
import dev.switchboard.domain.model.CallNotFoundException;
import dev.switchboard.domain.model.DuplicateCallExternalIdException;
import dev.switchboard.domain.model.StorageUnavailableException;
import dev.switchboard.domain.model.WebhookRefusedException;
import dev.switchboard.domain.model.ConcurrentUpdateException;
import dev.switchboard.domain.model.DuplicateExternalIdException;
import dev.switchboard.domain.model.IdempotencyConflictException;
import dev.switchboard.domain.model.IdempotencyUnavailableException;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItemInUseException;
import dev.switchboard.domain.model.KnowledgeItemNotFoundException;
import dev.switchboard.domain.model.KnowledgeQuotaExceededException;
import dev.switchboard.domain.model.WebToolNameTakenException;
import dev.switchboard.domain.model.WebToolNotFoundException;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.RequestLimitExceededException;
import dev.switchboard.domain.model.TeamNotFoundException;
import dev.switchboard.domain.model.VoiceAgentNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become RFC 9457 problem+json. Each kind of error has one status and one
 * stable {@code code}; nothing here ever puts a stack trace or an internal message in a response.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Told to clients when Hamsa is down and said nothing about when to come back. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(validation(uri, e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(validation(uri, errors));
    }

    /** Declared for this type too: Quarkus has a built-in mapper for it, which would otherwise be the closer match. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return respond(Problem.of(400, "UNKNOWN_FIELD", "Unknown field",
                    "The request has a field this endpoint does not take.", path(uri))
                    .withErrors(List.of(new Problem.FieldError(jsonPath(unknown), "is not a known field"))));
        }
        if (e instanceof InvalidFormatException || (e instanceof MismatchedInputException m && !m.getPath().isEmpty())) {
            return respond(validation(uri, List.of(new Problem.FieldError(jsonPath((JsonMappingException) e),
                    "has the wrong type"))));
        }
        return respond(Problem.of(400, "MALFORMED_JSON", "Malformed JSON",
                "The request body is not valid JSON.", path(uri)));
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException e, UriInfo uri) {
        return respond(BodySizeLimit.problem(path(uri), e.maxBytes()));
    }

    @ServerExceptionMapper
    public Response notFound(VoiceAgentNotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "AGENT_NOT_FOUND", "Voice agent not found",
                "No voice agent has the id '" + e.id() + "'.", path(uri)));
    }

    @ServerExceptionMapper
    public Response duplicateExternalId(DuplicateExternalIdException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(409, "EXTERNAL_ID_CONFLICT", "externalId already used",
                        "Another voice agent already has this externalId; it is at the Location given.", path(uri))))
                .location(VoiceAgentResource.location(uri, e.existing()))
                .build();
    }

    @ServerExceptionMapper
    public Response knowledgeItemNotFound(KnowledgeItemNotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "KNOWLEDGE_ITEM_NOT_FOUND", "Knowledge item not found",
                "No knowledge item has the id '" + e.id() + "'.", path(uri)));
    }

    @ServerExceptionMapper
    public Response knowledgeItemInUse(KnowledgeItemInUseException e, UriInfo uri) {
        return respond(Problem.of(409, "KNOWLEDGE_ITEM_IN_USE", "Knowledge item in use",
                "Agents use this knowledge item (" + e.agents().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")) + "); take it out of their knowledgeItemIds first. "
                        + "Nothing was deleted.", path(uri)));
    }

    @ServerExceptionMapper
    public Response knowledgeQuota(KnowledgeQuotaExceededException e, UriInfo uri) {
        String whose = e.limit() == KnowledgeQuotaExceededException.Limit.TEAM
                ? "your team's knowledge budget" : "the Hamsa account's knowledge storage (shared by every team)";
        return respond(Problem.of(409, "KNOWLEDGE_STORAGE_EXCEEDED", "Knowledge storage would be exceeded",
                "This needs " + e.requestedBytes() + " more bytes, and " + whose + " has " + e.usedBytes() + " of "
                        + e.limitBytes() + " bytes in use. Nothing was stored or sent to Hamsa; delete items or ask "
                        + "the operators for a larger budget.", path(uri)));
    }

    @ServerExceptionMapper
    public Response webToolNotFound(WebToolNotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "TOOL_NOT_FOUND", "Web tool not found",
                "No web tool has the id '" + e.id() + "'.", path(uri)));
    }

    @ServerExceptionMapper
    public Response webToolNameTaken(WebToolNameTakenException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(409, "TOOL_NAME_CONFLICT", "Tool name already used",
                        "Another of your team's web tools has this name (an agent's model tells tools apart by name); "
                                + "it is at the Location given.", path(uri))))
                // Built here rather than by WebToolResource: this package must not depend on its sub-packages.
                .location(uri.getBaseUriBuilder().path("api/v1/tools").path(e.existing().toString()).build())
                .build();
    }

    @ServerExceptionMapper
    public Response callNotFound(CallNotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "CALL_NOT_FOUND", "Call not found",
                "No call has the id '" + e.id() + "'.", path(uri)));
    }

    @ServerExceptionMapper
    public Response callNotCancellable(CallNotCancellableException e, UriInfo uri) {
        return respond(Problem.of(409, "CALL_NOT_CANCELLABLE", "Call can no longer be cancelled",
                "Only a QUEUED call that is not being sent to Hamsa can be cancelled; this one is " + e.status() + ".",
                path(uri)));
    }

    @ServerExceptionMapper
    public Response duplicateCallExternalId(DuplicateCallExternalIdException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(409, "EXTERNAL_ID_CONFLICT", "externalId already used",
                        "Another call already has this externalId; it is at the Location given.", path(uri))))
                .location(CallResource.location(uri, e.existing()))
                .build();
    }

    /** Not acknowledged: the client (or Hamsa, for a webhook) should send it again; a repeat is safe. */
    @ServerExceptionMapper
    public Response storageUnavailable(StorageUnavailableException e, UriInfo uri) {
        LOG.warnf("STORAGE_UNAVAILABLE for %s: %s", path(uri), e.getMessage());
        return Response.fromResponse(respond(Problem.of(503, "STORAGE_UNAVAILABLE", "Storage unavailable",
                        "Switchboard's database cannot be reached, or did not confirm in time; the request was not "
                                + "acknowledged. Retry after the time given in Retry-After.", path(uri))))
                .header("Retry-After", DEFAULT_RETRY_AFTER.toSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response webhookRefused(WebhookRefusedException e, UriInfo uri) {
        return switch (e.reason()) {
            case BAD_CREDENTIALS -> challenge(Problem.of(401, "WEBHOOK_UNAUTHENTICATED", "Webhook credentials refused",
                    "Send the webhook secret Switchboard gave Hamsa for this call or agent as 'Authorization: Bearer <secret>'.", path(uri)), "switchboard-webhooks");
            case MISMATCH -> respond(Problem.of(422, "WEBHOOK_MISMATCH", "Event does not match its call",
                    e.getMessage() + "; the event was not stored.", path(uri)));
        };
    }

    @ServerExceptionMapper
    public Response malformedWebhook(MalformedWebhookException e, UriInfo uri) {
        return respond(Problem.of(400, "MALFORMED_JSON", "Malformed JSON", e.getMessage(), path(uri)));
    }

    /** One answer for a missing, malformed, unknown or revoked credential: which one it was is no one's business. */
    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "FORBIDDEN", "Not allowed",
                "This credential lacks the scope this operation needs; see the API guide for each endpoint's scope.",
                path(uri)));
    }

    @ServerExceptionMapper
    public Response teamNotFound(TeamNotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "TEAM_NOT_FOUND", "Team not found", "No team has this id.", path(uri)));
    }

    @ServerExceptionMapper
    public Response apiKeyNotFound(ApiKeyNotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "API_KEY_NOT_FOUND", "API key not found", "The team has no API key with this id.",
                path(uri)));
    }

    @ServerExceptionMapper
    public Response requestLimit(RequestLimitExceededException e, UriInfo uri) {
        Admission a = e.admission();
        return Response.fromResponse(respond(Problem.of(429, "RATE_LIMITED", "Too many requests",
                        "Your team has used its " + a.limit() + " requests for this minute; retry after the time given in Retry-After.",
                        path(uri))))
                .header("Retry-After", Math.max(1, RateLimitFields.wholeSeconds(a.resetAfter())))
                .header(RateLimitFields.POLICY, RateLimitFields.policy(a))
                .header(RateLimitFields.STATE, RateLimitFields.state(a))
                .build();
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e, UriInfo uri) {
        if (e.isInProgress()) {
            return Response.fromResponse(respond(Problem.of(409, "IDEMPOTENCY_KEY_IN_USE", "Request still running",
                    "The first request with this Idempotency-Key is still running; retry shortly to get its answer.",
                    path(uri)))).header("Retry-After", 1).build();
        }
        return respond(Problem.of(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                "This Idempotency-Key was first used for a different request; use a new key for a new request.",
                path(uri)));
    }

    @ServerExceptionMapper
    public Response idempotencyUnavailable(IdempotencyUnavailableException e, UriInfo uri) {
        LOG.errorf("Idempotency store unreachable; refusing a keyed request to %s: %s", path(uri), e.getMessage());
        return Response.fromResponse(respond(Problem.of(503, "IDEMPOTENCY_UNAVAILABLE", "Cannot honour Idempotency-Key now",
                "Switchboard cannot check this Idempotency-Key right now, so it did not run the request; retry later.",
                path(uri)))).header("Retry-After", DEFAULT_RETRY_AFTER.toSeconds()).build();
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(ConcurrentUpdateException e, UriInfo uri) {
        return respond(Problem.of(409, "CONCURRENT_UPDATE", "Changed concurrently",
                "The " + e.resource() + " changed while this request ran; read it again and retry.", path(uri)));
    }

    @ServerExceptionMapper
    public Response platform(PlatformException e, UriInfo uri) {
        // Only what Hamsa itself said goes to the client; our own notes on a failed connection stay in the log.
        Problem.Upstream upstream = e.platformAnswered()
                ? new Problem.Upstream(e.platformCode().orElse(null), e.platformMessage().orElse(null))
                : null;
        if (e.mayHaveTakenEffect() && e.failure() != PlatformFailure.TIMEOUT) {
            LOG.warnf("Hamsa failed after it may have carried out %s: %s", path(uri), e.getMessage());
            return respond(Problem.of(502, "HAMSA_OUTCOME_UNKNOWN", "Hamsa may have carried out the request",
                    "Hamsa failed while or after handling the request, so it may have been carried out; Switchboard "
                            + "did not send it again and may not show its result. Do not repeat it blindly: "
                            + "the same Idempotency-Key gets this answer again.", path(uri)).withHamsa(upstream)
                    .withOutcomeUnknown());
        }
        return switch (e.failure()) {
            case VALIDATION -> respond(Problem.of(422, "HAMSA_REJECTED", "Hamsa refused the request",
                            "Hamsa found the request invalid.", path(uri))
                    .withHamsa(upstream)
                    .withErrors(e.details().isEmpty() ? null : e.details().entrySet().stream()
                            .map(d -> new Problem.FieldError(d.getKey(), d.getValue())).toList()));
            case NOT_FOUND -> respond(Problem.of(404, "HAMSA_NOT_FOUND", "Not found on Hamsa",
                    "Hamsa no longer has this resource.", path(uri)).withHamsa(upstream));
            case RATE_LIMITED -> unavailable(uri, e, upstream, "HAMSA_RATE_LIMITED", "Hamsa's request quota is used up");
            case UNAVAILABLE -> unavailable(uri, e, upstream, "HAMSA_UNAVAILABLE", "Hamsa is unavailable");
            case TIMEOUT -> {
                LOG.warnf("Hamsa timed out for %s: %s", path(uri), e.getMessage());
                yield respond(Problem.of(504, "HAMSA_TIMEOUT", "Hamsa did not answer in time",
                        "Hamsa did not answer in time; the change may or may not have been made. Switchboard did not "
                                + "send a creation again; the same Idempotency-Key gets this answer again.", path(uri))
                        .withHamsa(upstream).withOutcomeUnknown());
            }
            case AUTH -> {
                LOG.errorf("Hamsa refused Switchboard's API key (%s): check HAMSA_API_KEY", e.platformCode().orElse("-"));
                yield respond(Problem.of(502, "HAMSA_AUTH_FAILED", "Switchboard is misconfigured",
                        "Hamsa refused Switchboard's credentials; the operators have been told.", path(uri)));
            }
            case BAD_RESPONSE -> {
                LOG.errorf("Unreadable Hamsa answer for %s: %s", path(uri), e.getMessage());
                yield respond(Problem.of(502, "HAMSA_BAD_RESPONSE", "Unexpected answer from Hamsa",
                        "Hamsa answered in a form Switchboard does not understand.", path(uri)));
            }
            case CIRCUIT_OPEN -> withRetryAfter(respond(Problem.of(503, "HAMSA_CIRCUIT_OPEN",
                    "Hamsa is failing; Switchboard has paused calls to it",
                    "After repeated failures Switchboard stopped sending requests to Hamsa for a while. Nothing was "
                            + "sent; retry after the time given in Retry-After. Reads still answer, marked stale.",
                    path(uri))), e);
            case BUSY -> withRetryAfter(respond(Problem.of(503, "HAMSA_BUSY",
                    "Switchboard's share of Hamsa's quota is taken",
                    "The request could not get a turn within Switchboard's bounded wait and was not sent to Hamsa; "
                            + "retry after the time given in Retry-After.", path(uri))), e);
        };
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The body reader wraps what it could not read: answer as for the wrapped error itself. An oversize
        // body comes wrapped in Jackson's own exception, so it is looked for down the whole chain first.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return payloadTooLarge(tooLarge, uri);
            }
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        Response response = respond(Problem.of(status, code, title, status >= 500 ? "An unexpected error occurred." : title + ".", path(uri)));
        return status == 405 ? Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build() : response;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (clientWentAway(e)) {
            // The client closed the connection while its body was being read: no one to answer, nothing wrong here.
            LOG.debugf("Client went away during %s: %s", path(uri), e.getMessage());
            return respond(Problem.of(400, "BAD_REQUEST", "Bad Request", "The request body could not be read.", path(uri)));
        }
        LOG.error("Unexpected error on " + path(uri), e);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error", "An unexpected error occurred.", path(uri)));
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("io.vertx.core.http.HttpClosedException")) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthorized(UriInfo uri) {
        return challenge(Problem.of(401, "UNAUTHENTICATED", "Authentication required",
                "Send a valid API key as 'Authorization: Bearer <key>'.", path(uri)), "switchboard");
    }

    /** A 401 with the bearer challenge of this realm. */
    private static Response challenge(Problem problem, String realm) {
        return Response.fromResponse(respond(problem)).header("WWW-Authenticate", "Bearer realm=\"" + realm + "\"").build();
    }

    private Response unavailable(UriInfo uri, PlatformException e, Problem.Upstream upstream, String code, String title) {
        LOG.warnf("%s for %s: %s", code, path(uri), e.getMessage());
        return withRetryAfter(respond(Problem.of(503, code, title,
                "Hamsa cannot take this request now; retry after the time given in Retry-After.", path(uri))
                .withHamsa(upstream)), e);
    }

    private static Response withRetryAfter(Response response, PlatformException e) {
        Duration wait = e.retryAfter().filter(d -> !d.isZero()).orElse(DEFAULT_RETRY_AFTER);
        long seconds = Math.max(1, RateLimitFields.wholeSeconds(wait));
        return Response.fromResponse(response).header("Retry-After", seconds).build();
    }

    private static Problem validation(UriInfo uri, List<Problem.FieldError> errors) {
        return Problem.of(400, "VALIDATION_FAILED", "Invalid request",
                "One or more fields are invalid; see errors.", path(uri)).withErrors(errors);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** "create.body.name" -> "name"; a null body -> "body"; a query parameter keeps its own name. */
    private static String fieldName(ConstraintViolation<?> v) {
        List<Path.Node> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false).toList();
        List<String> beanPath = nodes.stream()
                .filter(n -> n.getKind() == jakarta.validation.ElementKind.PROPERTY)
                .map(Path.Node::getName).toList();
        if (!beanPath.isEmpty()) {
            return String.join(".", beanPath);
        }
        return nodes.isEmpty() ? "request" : nodes.get(nodes.size() - 1).getName();
    }

    private static String jsonPath(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return joined.isEmpty() ? "body" : joined;
    }
}
