package legion.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 requests sent from a chosen loopback address (127.0.0.2, 127.0.0.3 …: all of 127/8 is this host on
 * Linux), so a test can play several clients; {@code java.net.http} in Java 17 cannot choose its local address.
 */
public final class FromAddress {

    private final String address;
    private final int port;

    public FromAddress(String loopbackAddress, int port) {
        this.address = loopbackAddress;
        this.port = port;
    }

    public record Response(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** GET as an officer of the API: HTTP Basic and the given one-time code (null: no code header). */
    public Response getAs(String path, String user, String password, String code) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth + "\r\n"
                + (code == null ? "" : "X-Legion-OTP: " + code + "\r\n") + "Connection: close\r\n\r\n");
    }

    /** Sends a raw request (head and body as given) and reads the whole response. */
    public Response send(String request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String status = head.split(" ", 3)[1];
            return new Response(Integer.parseInt(status), head, end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
