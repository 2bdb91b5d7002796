package legion.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's only way to a server, for tests that cut the network: it relays bytes to the target port until
 * {@link #cut()} closes it and every open connection. For the browser it is an HTTP proxy (Tomcat accepts the
 * absolute-form request targets browsers send to proxies; DevTools' offline emulation covers the page but not its
 * service worker, this covers both); for an SMTP client it counts the connections made and can drop them.
 */
public final class SwitchableProxy implements AutoCloseable {

    private volatile ServerSocket server;
    private final int target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    public SwitchableProxy(int target) throws IOException {
        this.target = target;
        this.port = listen(0);
    }

    private int listen(int localPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), localPort), 50);
        server = socket;
        Thread accept = new Thread(() -> accept(socket), "test-proxy");
        accept.setDaemon(true);
        accept.start();
        return socket.getLocalPort();
    }

    public int port() {
        return port;
    }

    /** The network is back: the proxy listens again on the same port. */
    public void restore() throws IOException {
        listen(port);
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                relay(client, upstream);
                relay(upstream, client);
            } catch (IOException e) {
                // closed by cut(), or one connection failed: go on or stop with the socket
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "test-proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    /** How many connections clients have opened through the proxy. */
    public int connections() {
        return connections.get();
    }

    /** The connections open now are closed, as a server that drops them would; new ones still go through. */
    public void dropConnections() {
        open.forEach(SwitchableProxy::closeQuietly);
        open.clear();
    }

    /** From now on the browser reaches nothing: new connections are refused, open ones closed. */
    public void cut() {
        closeQuietly(server);
        open.forEach(SwitchableProxy::closeQuietly);
    }

    @Override
    public void close() {
        cut();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
