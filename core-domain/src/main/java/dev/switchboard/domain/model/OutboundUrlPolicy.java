package dev.switchboard.domain.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the outbound URL guard lets through beyond its strict default.
 *
 * @param allowHttp    plain http accepted as well as https; for dev and test, where receivers have no certificate
 * @param trustedHosts exact {@code host:port} entries (IPv6 in brackets: {@code [::1]:8080}) whose addresses are
 *                     not checked, so a test can point a URL at a receiver on this machine; scheme and
 *                     credential rules still apply to them
 */
public record OutboundUrlPolicy(boolean allowHttp, Set<String> trustedHosts) {

    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9a-f:.]+\\]|[a-z0-9.-]+):[0-9]{1,5}$");

    public OutboundUrlPolicy {
        // Lower-cased once here so that the guard's lookup is an exact match on its own normalised form.
        trustedHosts = trustedHosts == null ? Set.of() : trustedHosts.stream()
                .map(entry -> entry == null ? "" : entry.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        for (String entry : trustedHosts) {
            if (!HOST_PORT.matcher(entry).matches()) {
                throw new IllegalArgumentException("a trusted host is an exact host:port, like localhost:8089; got '"
                        + entry + "'");
            }
        }
    }

    /** https only, every address checked: the policy for production. */
    public static OutboundUrlPolicy strict() {
        return new OutboundUrlPolicy(false, Set.of());
    }

    public boolean trusts(String host, int port) {
        return trustedHosts.contains(host + ":" + port);
    }
}
