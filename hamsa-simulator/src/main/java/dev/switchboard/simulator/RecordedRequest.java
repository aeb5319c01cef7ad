package dev.switchboard.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One API request as the simulator received it.
 *
 * @param query  the raw query string, or {@code ""} when there was none
 * @param headers header names in lower case; repeated headers joined with {@code ", "}. The
 *               {@code authorization} value is kept raw here (it is masked only over HTTP).
 * @param body   the request body decoded as UTF-8, {@code ""} when empty
 * @param status the status the simulator answered with, {@code 0} while still in flight, or
 *               {@link #DROPPED} when it closed the connection without an answer
 */
public record RecordedRequest(
        Instant at,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        int status) {

    /** The {@link #status()} of a request whose connection was dropped without an answer. */
    public static final int DROPPED = -1;

    public RecordedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(headers));
        body = body == null ? "" : body;
    }

    /** The value of a header, looked up case-insensitively; {@code null} when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
