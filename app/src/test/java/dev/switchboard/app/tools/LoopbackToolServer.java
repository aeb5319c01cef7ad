package dev.switchboard.app.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tool's server on a loopback port the test profile's outbound URL guard trusts (application.properties):
 * what Hamsa (the simulator) really calls when a tool is tested. Records each request; answers with a fixed body.
 */
final class LoopbackToolServer implements AutoCloseable {

    record Received(String method, String pathAndQuery, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;

    LoopbackToolServer(int port) {
        this.port = port;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("the test profile trusts 127.0.0.1:" + port + " for tool servers", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query), headers, body));
        byte[] answer = "{\"order\": \"shipped\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
