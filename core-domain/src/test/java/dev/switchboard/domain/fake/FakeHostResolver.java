package dev.switchboard.domain.fake;

import dev.switchboard.domain.port.out.HostResolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DNS that answers what a test told it, so a test can make any name lead anywhere without touching the
 * network. Names it was not told about do not resolve, as on a real resolver. Remembers what it was asked.
 */
public final class FakeHostResolver implements HostResolver {

    private final Map<String, List<InetAddress>> records = new HashMap<>();
    private final List<String> lookups = new ArrayList<>();

    /** @param addresses IP literals; IPv6 ones stay IPv6 even when they carry an IPv4 address (::ffff:a.b.c.d) */
    public FakeHostResolver with(String host, String... addresses) {
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            resolved.add(literal(address));
        }
        records.put(host, List.copyOf(resolved));
        return this;
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.add(host);
        List<InetAddress> addresses = records.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    public synchronized List<String> lookups() {
        return List.copyOf(lookups);
    }

    private static InetAddress literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (address.contains(":") && parsed.getAddress().length == 4) {
                // The JDK turns ::ffff:a.b.c.d into an IPv4 address; a resolver may hand back the IPv6 form.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
                return Inet6Address.getByAddress(null, mapped, -1);
            }
            return parsed;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + address, e);
        }
    }
}
