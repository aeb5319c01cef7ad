package dev.switchboard.app.calls;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Switchboard's datasource goes through a {@link TcpProxy} the test can cut, to stop "Postgres" mid-delivery.
 * Quarkus loads a profile in more than one class loader, so the one proxy is registered with the platform MBean
 * server, which every loader shares, and driven through it.
 */
public class PostgresBehindProxy implements QuarkusTestProfile {

    static final int PROXY_PORT = 15432;
    private static final String NAME = "dev.switchboard.test:type=PostgresProxy";

    /** What the MBean server exposes of the proxy. */
    public interface ControlMBean {
        void cut();

        void restore();
    }

    /** The proxy behind its MBean interface. */
    public static final class Control implements ControlMBean {
        private final TcpProxy proxy;

        Control(TcpProxy proxy) {
            this.proxy = proxy;
        }

        @Override
        public void cut() {
            proxy.cut();
        }

        @Override
        public void restore() {
            try {
                proxy.restore();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        synchronized (PostgresBehindProxy.class.getName().intern()) {
            try {
                ObjectName name = new ObjectName(NAME);
                if (!server.isRegistered(name)) {
                    server.registerMBean(new Control(new TcpProxy(PROXY_PORT, "127.0.0.1", 5432).start()), name);
                }
            } catch (JMException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + PROXY_PORT + "/switchboard_test");
    }

    /** Closes every database connection and refuses new ones. */
    static void cut() {
        invoke("cut");
    }

    /** Accepts database connections again. */
    static void restore() {
        invoke("restore");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
