package dev.switchboard.domain.service;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.OutboundUrlPolicy;
import dev.switchboard.domain.port.out.HostResolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one gate for every URL a team gives that Switchboard or Hamsa will call (tool servers, knowledge
 * sources, webhook endpoints), so that no team can make either of them reach an internal service, a cloud
 * metadata endpoint or the machine itself (server-side request forgery).
 *
 * <p>A URL passes when it is http(s) (https only unless the policy allows http), names a host, carries no
 * credentials, and every address its host resolves to is a public internet address. It fails closed: a
 * name that does not resolve is refused. Messages say why in words a team can act on, and never repeat
 * the URL, its credentials or the addresses a name resolved to (that would make the guard a probe of
 * internal DNS).
 *
 * <p>A check at registration does not stop a name from resolving elsewhere later (DNS rebinding): whoever
 * connects should check again just before connecting, and refuse the addresses {@link #forbiddenReason}
 * names.
 */
public final class OutboundUrlGuard {

    public static final int MAX_LENGTH = 2048;

    /** IPv4 as four decimal numbers and nothing else: the only form every client reads the same way. */
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$");
    /**
     * A host whose last label is a number is an IPv4 address to URL parsers and C resolvers (WHATWG URL,
     * inet_aton), which also read octal ({@code 0177}), hex ({@code 0x7f}) and fewer than four parts.
     * The JDK reads {@code 0177.0.0.1} as 177.0.0.1 where curl reads 127.0.0.1, so such forms are refused
     * outright rather than judged by one reader's view.
     */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("^([0-9]+|0x[0-9a-f]*)$");
    private static final Pattern IPV6_LITERAL = Pattern.compile("^\\[[0-9a-f:.]+\\]$");

    /**
     * Names that lead inside a network whatever public DNS says; Hamsa resolves from its own network, where
     * they may mean something this service cannot see. Cloud metadata names are among them.
     */
    private static final Set<String> INTERNAL_NAMES = Set.of("localhost", "metadata.google.internal",
            "instance-data", "instance-data.ec2.internal");
    /** Reserved for private or link-local use: localhost (RFC 6761), mDNS (RFC 6762), homes (RFC 8375), ICANN's .internal. */
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".home.arpa", ".internal");

    private final HostResolver resolver;
    private final OutboundUrlPolicy policy;

    public OutboundUrlGuard(HostResolver resolver, OutboundUrlPolicy policy) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param field the request field the URL came in, named in the violation
     * @return the URL, parsed, when it may be called
     * @throws InvalidInputException saying why the URL may not be called
     */
    public URI check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw refused(field, "must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            throw refused(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The parser's message quotes the input, credentials and all: it stays out.
            throw refused(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused(field, policy.allowHttp() ? "must be an absolute http or https URL" : "must be an absolute https URL");
        }
        if (scheme.equals("http") && !policy.allowHttp()) {
            throw refused(field, "must use https");
        }
        // Checked on the raw authority: a user-info the parser could not place still reaches some clients.
        if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw refused(field, "must not carry a user name or password");
        }
        if (uri.getHost() == null) {
            throw refused(field, "must name a host by its DNS name (internationalised names in xn-- form) or IP address");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw refused(field, "must use a port between 1 and 65535");
        }
        String host = normalise(uri.getHost());
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (policy.trusts(host, port)) {
            return uri;
        }
        for (InetAddress address : addressesOf(field, host)) {
            Optional<String> reason = forbiddenReason(address);
            if (reason.isPresent()) {
                throw refused(field, "must not lead to " + reason.get() + "; only public internet addresses are called");
            }
        }
        return uri;
    }

    private List<InetAddress> addressesOf(String field, String host) {
        if (host.startsWith("[")) {
            if (!IPV6_LITERAL.matcher(host).matches()) {
                // Zone ids (fe80::1%25eth0) name an interface of the caller's own machine.
                throw refused(field, "must not use an IPv6 zone or other decorated address");
            }
            try {
                // A literal with ':' is parsed, never looked up.
                return List.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
            } catch (UnknownHostException e) {
                throw refused(field, "must name a valid IP address");
            }
        }
        String lastLabel = host.substring(host.lastIndexOf('.') + 1);
        if (NUMERIC_LAST_LABEL.matcher(lastLabel).matches()) {
            if (!CANONICAL_IPV4.matcher(host).matches()) {
                throw refused(field, "must write an IPv4 address as four decimal numbers, like 203.0.113.7");
            }
            return List.of(ipv4(host));
        }
        if (INTERNAL_NAMES.contains(host) || INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
            throw refused(field, "must not name a local or internal host");
        }
        if (!host.contains(".")) {
            // A bare name (redis, metadata) is completed by the caller's search domains: it means whatever
            // is nearby in the network that resolves it.
            throw refused(field, "must name a fully qualified host, like api.example.com");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses == null || addresses.isEmpty()) {
            throw refused(field, "names a host that does not resolve");
        }
        return addresses;
    }

    /** Lower case, without the root's trailing dot: the form the rules and the trusted hosts are written in. */
    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static InetAddress ipv4(String dottedQuad) {
        String[] parts = dottedQuad.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static InvalidInputException refused(String field, String message) {
        return InvalidInputException.of(field, message);
    }

    /**
     * Why Switchboard and Hamsa must not call this address, or empty when it is a public internet address.
     * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the address
     * they carry.
     */
    public static Optional<String> forbiddenReason(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ipv4Reason(b);
        }
        if (isZero(b, 0, 16)) {
            return Optional.of("the unspecified address");
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return Optional.of("a loopback address");
        }
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return ipv4Reason(embedded).map(reason -> reason + " (inside an IPv6 address)");
        }
        return ipv6Reason(b);
    }

    private static Optional<String> ipv4Reason(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 0) {
            return Optional.of(a1 == 0 && a2 == 0 && a3 == 0 ? "the unspecified address" : "a 'this network' address");
        }
        if (a0 == 127) {
            return Optional.of("a loopback address");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("a private network address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(a2 == 169 && a3 == 254 ? "a cloud metadata address" : "a link-local address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            // Also where some clouds keep their metadata service (100.100.100.200).
            return Optional.of("a carrier-grade NAT address");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("a multicast address");
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
            return Optional.of("the broadcast address");
        }
        if (a0 >= 240) {
            return Optional.of("a reserved address");
        }
        if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of("a documentation address");
        }
        if ((a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 192 && a1 == 88 && a2 == 99) || (a0 == 198 && (a1 & 0xfe) == 18)) {
            // IETF protocol assignments, the old 6to4 relay anycast, benchmarking: none is a real receiver.
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries by a standard translation, or null when it carries none. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;  // ::ffff:a.b.c.d
        boolean compatible = isZero(b, 0, 12);                                                 // ::a.b.c.d (deprecated)
        boolean translated = isZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff
                && isZero(b, 10, 12);                                                          // ::ffff:0:a.b.c.d (SIIT)
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12);                                                           // 64:ff9b::a.b.c.d
        if (mapped || compatible || translated || nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if (b[0] == 0x20 && b[1] == 0x02) {                                                    // 2002:aabb:ccdd::/48 (6to4)
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static Optional<String> ipv6Reason(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfd && second == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                && isZero(b, 4, 14) && b[14] == 0x02 && (b[15] & 0xff) == 0x54) {
            return Optional.of("a cloud metadata address");                                    // fd00:ec2::254
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a unique-local (private) address");                            // fc00::/7
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local address");                                        // fe80::/10
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a site-local address");                                        // fec0::/10
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");                                         // ff00::/8
        }
        if ((first & 0xe0) != 0x20) {
            // Everything the internet routes sits in 2000::/3; the rest is special-purpose (NAT64 local use,
            // discard-only, deprecated) or not yet allocated.
            return Optional.of("a reserved address");
        }
        if (first == 0x20 && second == 0x01 && isZero(b, 2, 4)) {
            return Optional.of("a Teredo tunnel address");                                     // 2001::/32
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xfe) == 0) {
            return Optional.of("a reserved address");                                          // 2001::/23 IETF protocol
        }
        if ((first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
                || (first == 0x3f && second == 0xff && (b[2] & 0xf0) == 0)) {
            return Optional.of("a documentation address");                                     // 2001:db8::/32, 3fff::/20
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
