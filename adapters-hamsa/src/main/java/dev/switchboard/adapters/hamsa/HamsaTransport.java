package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.port.out.PlatformTraffic;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * How every Hamsa request leaves the adapter: through {@link PlatformTraffic} (app's quota, queue, retries and
 * breaker), with a missing answer turned into the {@link PlatformException} that says whether it may have
 * taken effect.
 */
final class HamsaTransport {

    private static final Logger LOG = Logger.getLogger(HamsaTransport.class);
    /** How the JDK, Netty and Vert.x word a connection that was never made. */
    private static final List<String> NEVER_CONNECTED = List.of("connection refused", "connecttimeout",
            "unknownhost", "no route to host", "unresolved", "sslhandshake", "connectionpooltoobusy");

    private final PlatformTraffic traffic;
    private final PlatformArea area;

    /** A REST client for one group of Hamsa endpoints, with the key, the timeouts, the rate-limit feed and error mapping. */
    static <T> T client(Class<T> api, HamsaConfig config, Clock clock, PlatformTraffic traffic) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.baseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new HamsaAuthFilter(config.apiKey().orElse(null)))
                .register(new HamsaRateLimitHeaders(traffic, clock))
                .register(new HamsaErrorMapper(clock))
                .build(api);
    }

    HamsaTransport(PlatformTraffic traffic, PlatformArea area) {
        this.traffic = traffic;
        this.area = area;
    }

    /** @param repeatable whether sending it twice does no more than sending it once (GET, PATCH; not a POST that makes something) */
    JsonNode call(String operation, boolean repeatable, Supplier<JsonNode> request) {
        return traffic.send(area, operation, repeatable, () -> {
            try {
                JsonNode body = request.get();
                if (body == null) {
                    throw HamsaJson.badResponse(operation + " answered with an empty body");
                }
                return body;
            } catch (PlatformException e) {
                LOG.debugf("Hamsa %s failed: %s", operation, e.getMessage());
                throw e;
            } catch (ProcessingException e) {
                throw transportFailure(operation, e);
            }
        });
    }

    private static PlatformException transportFailure(String operation, ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PlatformException pe) {
                return pe;
            }
        }
        PlatformFailure kind = transportFailureKind(e);
        LOG.warnf("Hamsa %s failed without an answer (%s): %s", operation, kind, rootMessage(e));
        return PlatformException.withoutAnswer(kind, "Hamsa " + operation + ": " + rootMessage(e), e);
    }

    /**
     * A connection that never opened is UNAVAILABLE (nothing reached Hamsa, so nothing happened there); a
     * body Jackson could not read is BAD_RESPONSE; any other missing answer (no answer in time, a connection
     * dropped or reset after the request went out) is TIMEOUT: the request may have taken effect.
     */
    static PlatformFailure transportFailureKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return PlatformFailure.BAD_RESPONSE;
            }
            String text = (t.getClass().getSimpleName() + " " + t.getMessage()).toLowerCase(Locale.ROOT);
            if (NEVER_CONNECTED.stream().anyMatch(text::contains)) {
                return PlatformFailure.UNAVAILABLE;
            }
        }
        // No answer for any other reason (read timeout, connection closed or reset after sending, ...): the
        // request may have reached Hamsa and been carried out.
        return PlatformFailure.TIMEOUT;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
