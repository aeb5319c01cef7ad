package dev.switchboard.domain.port.in;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One webhook delivery from Hamsa, as it arrived: the call the path names, the {@code Authorization} header, the
 * body verbatim, and its JSON object, parsed only when asked (after the sender proved who it is); the parser
 * throws the web adapter's own error for a body that is not a JSON object.
 */
public record HamsaDelivery(String callId, String authorization, Supplier<Map<String, Object>> envelope, String body) {

    @Override
    public String toString() {
        return "HamsaDelivery[callId=" + callId + ", authorization=redacted]";
    }
}
