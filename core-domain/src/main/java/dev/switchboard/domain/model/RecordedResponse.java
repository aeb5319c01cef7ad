package dev.switchboard.domain.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer a request got, kept so a retry with the same idempotency key gets the same answer.
 * Opaque to the domain: it only stores and returns it.
 *
 * @param location   the Location the answer carried, or null
 */
public record RecordedResponse(int status, String contentType, String location, byte[] body) {

    public RecordedResponse {
        Objects.requireNonNull(body, "body");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedResponse r && r.status == status && Objects.equals(r.contentType, contentType)
                && Objects.equals(r.location, location) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, location, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedResponse[status=" + status + ", " + body.length + " bytes]";
    }
}
