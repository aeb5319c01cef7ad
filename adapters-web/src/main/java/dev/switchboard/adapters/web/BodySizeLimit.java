package dev.switchboard.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's request body limit, answered as a problem like every other error. Quarkus' own limit
 * ({@code quarkus.http.limits.max-body-size}) answers 413 with an empty body, so it stays only as an outer
 * guard set well above this one. A declared {@code Content-Length} over the limit is refused before the
 * body is read; a chunked body is counted as it is read ({@link #limit(InputStream)}).
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The one endpoint that takes files; its uploads may be as large as its own limit, not the JSON one. */
    static final String UPLOAD_PATH = "/api/v1/knowledge";

    private final long maxBytes;
    private final long maxUploadBytes;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "switchboard.api.max-body-size") MemorySize max,
                  @ConfigProperty(name = "switchboard.api.max-upload-size") MemorySize maxUpload,
                  ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.maxUploadBytes = maxUpload.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = isUpload(context) ? maxUploadBytes : maxBytes;
        if (declared != null && parse(declared) > limit) {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The unread body would otherwise have to be drained first.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body(context.request().path(), limit));
            return;
        }
        context.next();
    }

    static Problem problem(String path, long maxBytes) {
        return Problem.of(413, "PAYLOAD_TOO_LARGE", "Request body too large",
                "The request body is larger than the " + maxBytes + " bytes this API takes.", path);
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Wraps a body stream so that reading past the limit fails with 413 rather than reading on. */
    InputStream limit(InputStream body) {
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
            }
        };
    }

    /**
     * A multipart POST to the upload endpoint. Its parts are read by the multipart reader, not the JSON reader this
     * class also limits; Quarkus' own limit ({@code quarkus.http.limits.max-body-size}) bounds a chunked upload.
     */
    private static boolean isUpload(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return context.request().method() == io.vertx.core.http.HttpMethod.POST
                && UPLOAD_PATH.equals(context.request().path())
                && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    private String body(String path, long limit) {
        try {
            return json.writeValueAsString(problem(path, limit));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge: the HTTP layer refuses a malformed length
        }
    }
}
