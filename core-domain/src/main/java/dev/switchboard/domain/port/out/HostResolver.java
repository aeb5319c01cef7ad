package dev.switchboard.domain.port.out;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses a connection to it could reach. The outbound URL guard asks it so
 * that it judges where a URL really leads, not what its name looks like.
 */
public interface HostResolver {

    /**
     * Every address the name resolves to, not only the first: a client may try any of them.
     *
     * @param host a DNS name, never an IP literal (the guard reads literals itself)
     * @throws UnknownHostException when the name resolves to nothing
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
