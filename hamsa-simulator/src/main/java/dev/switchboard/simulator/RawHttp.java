package dev.switchboard.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request over a plain socket, for the one method {@link java.net.HttpURLConnection}
 * refuses: PATCH. {@code Connection: close}, so the answer ends with the connection, a length or the
 * last chunk; the body is read up to a limit. Timeouts are per connect and per read, as with
 * HttpURLConnection. java.base only, so it works in a native image.
 */
final class RawHttp {

    record Response(int status, byte[] body) {
    }

    /** Set by this class; the same ones HttpURLConnection will not let a caller set. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "keep-alive", "te", "trailer");

    private RawHttp() {
    }

    static Response exchange(URI uri, String method, Map<String, String> headers, byte[] body, int timeoutMillis,
                             int maxBody) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        String address = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            Socket socket = https ? tls(plain, address, port) : plain;
            try {
                StringBuilder head = new StringBuilder();
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                head.append(method).append(' ').append(path)
                        .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(host).append(uri.getPort() == -1 ? "" : ":" + port).append("\r\n")
                        .append("User-Agent: ").append(ToolTester.USER_AGENT).append("\r\n");
                headers.forEach((name, value) -> {
                    if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                        head.append(name).append(": ").append(value).append("\r\n");
                    }
                });
                byte[] payload = body == null ? new byte[0] : body;
                head.append("Content-Length: ").append(payload.length).append("\r\n")
                        .append("Connection: close\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(payload);
                out.flush();
                return read(new BufferedInputStream(socket.getInputStream()), maxBody);
            } finally {
                socket.close();
            }
        }
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static Response read(InputStream in, int maxBody) throws IOException {
        int status;
        long length = -1;
        boolean chunked = false;
        do {
            // Interim 1xx answers (100 Continue) come before the real one.
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + statusLine, e);
            }
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
        } while (status >= 100 && status < 200);
        byte[] body;
        if (chunked) {
            body = chunks(in, maxBody);
        } else if (length >= 0) {
            body = in.readNBytes((int) Math.min(length, maxBody));
        } else {
            body = in.readNBytes(maxBody);
        }
        return new Response(status, body);
    }

    private static byte[] chunks(InputStream in, int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < maxBody) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break;
            }
            byte[] chunk = in.readNBytes((int) Math.min(size, maxBody - body.size()));
            body.write(chunk);
            if (chunk.length < size) {
                break;
            }
            line(in);
        }
        return body.toByteArray();
    }

    /** A line without its CRLF; the end of the stream is an error, since the answer is cut short. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of the answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
