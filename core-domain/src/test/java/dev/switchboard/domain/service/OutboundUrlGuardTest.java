package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.domain.fake.FakeHostResolver;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.OutboundUrlPolicy;
import dev.switchboard.domain.port.out.HostResolver;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlGuardTest {

    private static final String FIELD = "webhookUrl";
    /** The JDK's own resolver, as app's SystemHostResolver uses it. */
    private static final HostResolver JDK = host -> List.of(InetAddress.getAllByName(host));

    private final FakeHostResolver dns = new FakeHostResolver()
            .with("api.example.com", "93.184.215.14")
            .with("dual.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
            .with("xn--bcher-kva.example", "151.101.1.69")
            .with("internal.example", "10.1.2.3")
            .with("mixed.example", "93.184.215.14", "192.168.1.5")
            .with("metadata-alias.example", "169.254.169.254")
            .with("aws-v6-metadata.example", "fd00:ec2::254")
            .with("ula.example", "fd12:3456::1")
            .with("link-local-v6.example", "fe80::1")
            .with("mapped.example", "::ffff:10.0.0.1")
            .with("nat64-metadata.example", "64:ff9b::a9fe:a9fe")
            .with("sixtofour-loopback.example", "2002:7f00:1::1")
            .with("cgnat.example", "100.100.100.200")
            .with("loopback.example", "127.0.0.53")
            .with("zero.example", "0.0.0.0")
            .with("unspecified-v6.example", "::")
            .with("multicast.example", "239.255.255.250")
            .with("broadcast.example", "255.255.255.255")
            .with("empty.example");
    private final OutboundUrlGuard strict = new OutboundUrlGuard(dns, OutboundUrlPolicy.strict());

    static Stream<Arguments> hostileUrls() {
        return Stream.of(
                arguments("http://127.0.0.1", "must use https"),
                arguments("https://127.0.0.1", "loopback"),
                arguments("https://127.0.0.1:8080/admin", "loopback"),
                arguments("https://169.254.169.254/latest/meta-data", "cloud metadata"),
                arguments("https://10.0.0.1", "private network"),
                arguments("https://172.16.0.1", "private network"),
                arguments("https://172.31.255.255", "private network"),
                arguments("https://192.168.0.1", "private network"),
                arguments("https://169.254.10.1", "link-local"),
                arguments("https://100.64.0.1", "carrier-grade NAT"),
                arguments("https://0.0.0.0", "unspecified"),
                arguments("https://224.0.0.1", "multicast"),
                arguments("https://255.255.255.255", "broadcast"),
                arguments("https://[::1]", "loopback"),
                arguments("https://[::]", "unspecified"),
                arguments("https://[::ffff:127.0.0.1]", "loopback"),
                arguments("https://[::ffff:7f00:1]", "loopback"),
                arguments("https://[::ffff:169.254.169.254]", "cloud metadata"),
                arguments("https://[::127.0.0.1]", "loopback address (inside an IPv6 address)"),
                arguments("https://[::ffff:0:10.0.0.1]", "private network address (inside an IPv6 address)"),
                arguments("https://[64:ff9b::10.0.0.1]", "private network address (inside an IPv6 address)"),
                arguments("https://[2002:a00:1::1]", "private network address (inside an IPv6 address)"),
                arguments("https://[fd00:ec2::254]", "cloud metadata"),
                arguments("https://[fc00::1]", "unique-local"),
                arguments("https://[fe80::1]", "link-local"),
                arguments("https://[fe80::1%25eth0]", "zone"),
                arguments("https://[fec0::1]", "site-local"),
                arguments("https://[ff02::1]", "multicast"),
                arguments("https://[2001::1]", "Teredo"),
                arguments("https://[64:ff9b:1::1]", "reserved"),
                arguments("https://user:pass@example.com", "user name or password"),
                arguments("https://user@api.example.com", "user name or password"),
                arguments("https://a@b@api.example.com", "user name or password"),
                arguments("file:///etc/passwd", "absolute https URL"),
                arguments("ftp://api.example.com/file", "absolute https URL"),
                arguments("gopher://api.example.com:70/_GET%20/", "absolute https URL"),
                arguments("jar:https://api.example.com/x.jar!/", "absolute https URL"),
                arguments("data:text/plain,hello", "absolute https URL"),
                arguments("javascript:alert(1)", "absolute https URL"),
                arguments("dict://api.example.com:11211/", "absolute https URL"),
                arguments("https:api.example.com", "absolute https URL"),
                arguments("//api.example.com/path", "absolute https URL"),
                arguments("/relative/path", "absolute https URL"),
                arguments("https:///no-host", "must name a host"),
                arguments("https://exa mple.com", "not a valid URL"),
                arguments("https://api.example.com\\@127.0.0.1", "not a valid URL"),
                arguments("https://internal.example", "private network"),
                arguments("https://mixed.example/hook", "private network"),
                arguments("https://metadata-alias.example", "cloud metadata"),
                arguments("https://aws-v6-metadata.example", "cloud metadata"),
                arguments("https://ula.example", "unique-local"),
                arguments("https://link-local-v6.example", "link-local"),
                arguments("https://mapped.example", "private network address (inside an IPv6 address)"),
                arguments("https://nat64-metadata.example", "cloud metadata address (inside an IPv6 address)"),
                arguments("https://sixtofour-loopback.example", "loopback address (inside an IPv6 address)"),
                arguments("https://cgnat.example", "carrier-grade NAT"),
                arguments("https://loopback.example", "loopback"),
                arguments("https://zero.example", "unspecified"),
                arguments("https://unspecified-v6.example", "unspecified"),
                arguments("https://multicast.example", "multicast"),
                arguments("https://broadcast.example", "broadcast"),
                arguments("https://localhost", "local or internal host"),
                arguments("https://LOCALHOST.", "local or internal host"),
                arguments("https://app.localhost", "local or internal host"),
                arguments("https://metadata.google.internal/computeMetadata/v1/", "local or internal host"),
                arguments("https://METADATA.GOOGLE.INTERNAL.", "local or internal host"),
                arguments("https://redis.default.svc.cluster.local", "local or internal host"),
                arguments("https://printer.local", "local or internal host"),
                arguments("https://router.home.arpa", "local or internal host"),
                arguments("https://metadata", "fully qualified host"),
                arguments("https://redis:6379", "fully qualified host"),
                arguments("https://unknown.example", "does not resolve"),
                arguments("https://empty.example", "does not resolve"),
                arguments("https://api.example.com:0/", "port between 1 and 65535"),
                arguments("https://api.example.com:65536/", "port between 1 and 65535"));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @MethodSource("hostileUrls")
    void hostile_urls_are_refused_with_the_reason(String url, String reason) {
        assertRefused(() -> strict.check(FIELD, url), reason);
    }

    /**
     * Numbers that C resolvers and browsers read as IPv4 in decimal, octal or hex. The JDK reads some of
     * them differently (0177.0.0.1 as the public 177.0.0.1), which is why they are refused by form.
     */
    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"http://2130706433", "https://2130706433", "https://0177.0.0.1", "https://0x7f000001",
            "https://0x7f.0.0.1", "https://127.1", "https://127.0.1", "https://017700000001", "https://127.000.000.001",
            "https://0.0.0.0.0", "https://1.2.3.4.5", "https://0x", "https://example.0x1f"})
    void ipv4_addresses_in_decimal_octal_hex_or_short_forms_are_refused_without_a_lookup(String url) {
        OutboundUrlGuard lenient = new OutboundUrlGuard(dns, new OutboundUrlPolicy(true, Set.of()));

        assertRefused(() -> lenient.check(FIELD, url), "");
        assertThat(dns.lookups()).isEmpty();
    }

    @Test
    void localhost_is_refused_with_the_jdk_resolver_and_the_jdk_resolves_it_to_loopback() throws Exception {
        OutboundUrlGuard real = new OutboundUrlGuard(JDK, OutboundUrlPolicy.strict());

        assertRefused(() -> real.check(FIELD, "https://localhost/hook"), "local or internal host");
        // Should the name rule ever go, the addresses still stop it.
        assertThat(JDK.resolve("localhost")).isNotEmpty()
                .allSatisfy(address -> assertThat(OutboundUrlGuard.forbiddenReason(address)).contains("a loopback address"));
    }

    @Test
    void a_name_that_does_not_resolve_with_the_jdk_resolver_is_refused() {
        OutboundUrlGuard real = new OutboundUrlGuard(JDK, OutboundUrlPolicy.strict());

        // .invalid never resolves (RFC 6761).
        assertRefused(() -> real.check(FIELD, "https://switchboard-test.invalid/hook"), "does not resolve");
    }

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"https://api.example.com", "https://api.example.com/hooks/calls?team=7#top",
            "https://api.example.com:8443/x", "https://dual.example.com/", "HTTPS://API.Example.COM/Path",
            "https://api.example.com./trailing-dot", "https://xn--bcher-kva.example/", "https://93.184.215.14/path",
            "https://[2606:4700::6810:84e5]/", "https://[::ffff:93.184.215.14]/", "https://[64:ff9b::808:808]/",
            "https://[2002:808:808::1]/"})
    void urls_that_lead_only_to_public_addresses_are_accepted(String url) {
        URI checked = strict.check(FIELD, url);

        assertThat(checked).isEqualTo(URI.create(url));
    }

    @Test
    void every_address_of_a_name_is_checked_not_only_the_first() {
        assertThat(strict.check(FIELD, "https://dual.example.com")).hasHost("dual.example.com");
        assertRefused(() -> strict.check(FIELD, "https://mixed.example"), "private network");
    }

    @Test
    void http_is_refused_by_the_strict_policy_and_accepted_when_the_policy_allows_it() {
        OutboundUrlGuard lenient = new OutboundUrlGuard(dns, new OutboundUrlPolicy(true, Set.of()));

        assertRefused(() -> strict.check(FIELD, "http://api.example.com/hook"), "must use https");
        assertThat(lenient.check(FIELD, "http://api.example.com/hook")).hasScheme("http");
        assertThat(lenient.check(FIELD, "https://api.example.com/hook")).hasScheme("https");
    }

    @Test
    void allowing_http_still_refuses_private_addresses_and_other_schemes() {
        OutboundUrlGuard lenient = new OutboundUrlGuard(dns, new OutboundUrlPolicy(true, Set.of()));

        assertRefused(() -> lenient.check(FIELD, "http://127.0.0.1:8080"), "loopback");
        assertRefused(() -> lenient.check(FIELD, "ftp://api.example.com"), "absolute http or https URL");
    }

    @Test
    void a_trusted_host_and_port_skips_the_address_check_and_nothing_else() {
        OutboundUrlGuard guard = new OutboundUrlGuard(dns, new OutboundUrlPolicy(true, Set.of("LocalHost:8089", "[::1]:9000")));

        assertThat(guard.check(FIELD, "http://localhost:8089/receiver")).hasPort(8089);
        assertThat(guard.check(FIELD, "http://[::1]:9000/receiver")).hasPort(9000);
        assertRefused(() -> guard.check(FIELD, "http://localhost:8090/receiver"), "local or internal host");
        assertRefused(() -> guard.check(FIELD, "http://localhost/receiver"), "local or internal host");
        assertRefused(() -> guard.check(FIELD, "http://127.0.0.1:8089/receiver"), "loopback");
        assertRefused(() -> guard.check(FIELD, "http://me:pw@localhost:8089/receiver"), "user name or password");
        assertRefused(() -> guard.check(FIELD, "ftp://localhost:8089/receiver"), "absolute http or https URL");
        assertThat(dns.lookups()).isEmpty();
    }

    @Test
    void a_trusted_host_still_needs_https_when_the_policy_refuses_http() {
        OutboundUrlGuard guard = new OutboundUrlGuard(dns, new OutboundUrlPolicy(false, Set.of("localhost:8443")));

        assertThat(guard.check(FIELD, "https://localhost:8443/")).hasHost("localhost");
        assertRefused(() -> guard.check(FIELD, "http://localhost:8443/"), "must use https");
    }

    @Test
    void a_trusted_host_with_the_default_port_is_matched_on_that_port() {
        OutboundUrlGuard guard = new OutboundUrlGuard(dns, new OutboundUrlPolicy(false, Set.of("receiver.test.internal:443")));

        assertThat(guard.check(FIELD, "https://receiver.test.internal/hook")).hasHost("receiver.test.internal");
    }

    @ParameterizedTest(name = "''{0}'' is not a trusted host entry")
    @ValueSource(strings = {"localhost", "localhost:", ":8080", "http://localhost:8080", "*.example.com:443", "::1:8080", " "})
    void a_trusted_host_must_be_an_exact_host_and_port(String entry) {
        assertThatThrownBy(() -> new OutboundUrlPolicy(true, Set.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
    }

    @Test
    void credentials_in_a_refused_url_are_never_repeated() {
        String url = "https://admin:s3cr3t-pa55w0rd@10.0.0.1/hook";

        assertThatThrownBy(() -> strict.check(FIELD, url))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::message).noneMatch(m -> m.contains("s3cr3t") || m.contains("admin")))
                .message().doesNotContain("s3cr3t").doesNotContain("admin");
        assertThatThrownBy(() -> strict.check(FIELD, "https://admin:s3cr3t pa55w0rd@api.example.com/"))
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void what_a_name_resolves_to_is_not_told_back() {
        assertThatThrownBy(() -> strict.check(FIELD, "https://internal.example"))
                .message().doesNotContain("10.1.2.3").doesNotContain("internal.example");
    }

    @Test
    void a_url_of_the_maximum_length_is_accepted_and_one_character_more_is_refused() {
        String base = "https://api.example.com/";
        String longest = base + "a".repeat(OutboundUrlGuard.MAX_LENGTH - base.length());

        assertThat(strict.check(FIELD, longest).toString()).hasSize(OutboundUrlGuard.MAX_LENGTH);
        assertRefused(() -> strict.check(FIELD, longest + "a"), "at most 2048 characters");
    }

    @ParameterizedTest(name = "''{0}'' is refused as blank")
    @ValueSource(strings = {"", " ", "\t"})
    void a_blank_url_is_refused(String url) {
        assertRefused(() -> strict.check(FIELD, url), "must not be blank");
    }

    @Test
    void a_missing_url_is_refused_as_blank() {
        assertRefused(() -> strict.check(FIELD, null), "must not be blank");
    }

    @Test
    void the_violation_names_the_field_the_url_came_in() {
        assertThatThrownBy(() -> strict.check("tools[2].serverUrl", "https://10.0.0.1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("tools[2].serverUrl"));
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                arguments("8.8.8.8", null),
                arguments("1.1.1.1", null),
                arguments("172.15.255.255", null),
                arguments("172.32.0.1", null),
                arguments("100.63.255.255", null),
                arguments("100.128.0.1", null),
                arguments("169.253.255.255", null),
                arguments("223.255.255.255", null),
                arguments("2606:4700::6810:84e5", null),
                arguments("2a00:1450:4001:82b::200e", null),
                arguments("0.1.2.3", "a 'this network' address"),
                arguments("127.255.255.254", "a loopback address"),
                arguments("192.0.0.170", "a reserved address"),
                arguments("192.0.2.1", "a documentation address"),
                arguments("198.51.100.7", "a documentation address"),
                arguments("203.0.113.7", "a documentation address"),
                arguments("198.18.0.1", "a reserved address"),
                arguments("192.88.99.1", "a reserved address"),
                arguments("240.0.0.1", "a reserved address"),
                arguments("::2", "a 'this network' address (inside an IPv6 address)"),
                arguments("100::1", "a reserved address"),
                arguments("2001:db8::1", "a documentation address"),
                arguments("3fff::1", "a documentation address"),
                arguments("2001:2::1", "a reserved address"),
                arguments("fdff:ffff::1", "a unique-local (private) address"),
                arguments("febf::1", "a link-local address"),
                arguments("ff0e::1", "a multicast address"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("addresses")
    void each_address_is_public_or_forbidden_for_a_stated_reason(String literal, String reason) throws Exception {
        assertThat(OutboundUrlGuard.forbiddenReason(InetAddress.getByName(literal))).isEqualTo(Optional.ofNullable(reason));
    }

    private static void assertRefused(ThrowingCallable check, String reason) {
        assertThatThrownBy(check).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo(FIELD))
                .satisfies(v -> assertThat(v.message()).contains(reason)));
    }
}
