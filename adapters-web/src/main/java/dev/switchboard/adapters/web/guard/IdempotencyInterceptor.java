package dev.switchboard.adapters.web.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.adapters.web.security.Callers;
import dev.switchboard.domain.model.IdempotencyClaim;
import dev.switchboard.domain.model.IdempotencyConflictException;
import dev.switchboard.domain.model.IdempotencyKey;
import dev.switchboard.domain.model.RecordedResponse;
import dev.switchboard.domain.port.in.IdempotentRequestsUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Claims the request's {@code Idempotency-Key} before the endpoint runs. The fingerprint is the method,
 * the path and the request body as parsed, so whitespace or field order in the JSON does not make
 * the same request look different. {@link ResponseFinisher} stores or releases the claim.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 20)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final byte[] NO_BODY = {'-'};

    private final IdempotentRequestsUseCase idempotency;
    private final SecurityIdentity identity;
    private final RoutingContext routing;
    private final RequestState state;
    private final ObjectMapper json;

    IdempotencyInterceptor(IdempotentRequestsUseCase idempotency, SecurityIdentity identity, RoutingContext routing,
                           RequestState state, ObjectMapper json) {
        this.idempotency = idempotency;
        this.identity = identity;
        this.routing = routing;
        this.state = state;
        this.json = json;
    }

    @AroundInvoke
    Object claim(InvocationContext invocation) throws Exception {
        String value = routing.request().getHeader(HEADER);
        if (value == null) {
            return invocation.proceed();
        }
        IdempotencyKey key = new IdempotencyKey(Callers.of(identity).team(), value);
        IdempotencyClaim claim = idempotency.claim(key, fingerprint(invocation));
        // Java 17: no pattern switch yet, so the sealed cases are told apart one by one.
        if (claim instanceof IdempotencyClaim.Acquired acquired) {
            state.claimed(key, acquired.token());
            return invocation.proceed();
        }
        if (claim instanceof IdempotencyClaim.Replay replay) {
            state.markReplayed();
            throw new IdempotentReplay(replay(replay.response()));
        }
        if (claim instanceof IdempotencyClaim.InProgress) {
            throw IdempotencyConflictException.stillRunning();
        }
        throw IdempotencyConflictException.reusedForAnotherRequest();
    }

    private String fingerprint(InvocationContext invocation) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((routing.request().method().name() + " " + routing.request().path() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Object parameter : invocation.getParameters()) {
            if (parameter instanceof UriInfo) {
                continue;
            }
            // No body, whether it came as null or as zero bytes, is one and the same request.
            boolean noBody = parameter == null || (parameter instanceof byte[] raw && raw.length == 0);
            if (parameter instanceof FileUpload file) {
                digestFile(digest, file);
            } else {
                digest.update(noBody ? NO_BODY : parameter instanceof byte[] raw ? raw : json.writeValueAsBytes(parameter));
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * An uploaded file is the same request when its name and bytes are; where it was buffered does not count.
     * Streamed into the digest, so a large upload is not held in memory twice.
     */
    private static void digestFile(MessageDigest digest, FileUpload file) throws java.io.IOException {
        digest.update((file.fileName() + "\n").getBytes(StandardCharsets.UTF_8));
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static Response replay(RecordedResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status())
                .entity(stored.body())
                .header(REPLAYED_HEADER, "true");
        if (stored.contentType() != null) {
            builder.type(stored.contentType());
        }
        if (stored.location() != null) {
            builder.header("Location", stored.location());
        }
        return builder.build();
    }
}
