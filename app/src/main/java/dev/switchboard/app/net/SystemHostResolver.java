package dev.switchboard.app.net;

import dev.switchboard.domain.port.out.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The JDK's resolver (hosts file, then DNS, with the JVM's own cache): the same one Switchboard's HTTP
 * clients use when they connect, so the guard judges the addresses those clients would reach.
 */
public final class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
