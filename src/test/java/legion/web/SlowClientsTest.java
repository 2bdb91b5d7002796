package legion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import legion.support.Eventually;
import legion.support.FromAddress;
import legion.support.TestDatabase;

/**
 * Issue 11's slow-body attack replayed: 300 connections from one address each trickle a few body bytes a second.
 * Other clients are still answered within a second; the slow ones are bounded in number (the rest refused at once
 * with 429) and in time (cut at the body deadline). Everything stays on the loopback and stops by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "legion.web.max-requests-per-client=20", "legion.web.body-deadline=10s", "server.tomcat.connection-timeout=2s"})
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("integration")
class SlowClientsTest {

    static final int SLOW = 300;

    @LocalServerPort
    int port;

    /** One slow client's connection: what it has received, and whether the server has ended it. */
    static final class Slow {
        final Socket socket = new Socket();
        final StringBuilder received = new StringBuilder();
        volatile boolean ended;

        void open(int port) throws IOException {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(1);
            socket.getOutputStream().write(("POST /api/v1/enlistments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"givenNames\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
        }

        /** Sends one more body byte, and notes a response or the end of the connection. */
        synchronized void trickle() {
            if (ended) {
                return;
            }
            try {
                try {
                    if (!readSome()) {
                        ended = true;
                        return;
                    }
                } catch (SocketTimeoutException nothingYet) {
                    // still open, nothing received
                }
                socket.getOutputStream().write('x');
            } catch (IOException closed) {
                // a server that closes with our bytes unread resets the connection; an answer that came before
                // the reset is still readable, and may have arrived just after the read above
                try {
                    while (readSome()) {
                        // keep what arrived
                    }
                } catch (IOException reset) {
                    // nothing more
                }
                ended = true;
            }
        }

        /** Reads what has arrived (at most one millisecond's wait); false at the end of the stream. */
        private boolean readSome() throws IOException {
            byte[] buffer = new byte[4096];
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                return false;
            }
            received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            return true;
        }

        synchronized boolean refusedAtOnce() {
            return received.toString().startsWith("HTTP/1.1 429");
        }
    }

    @Test
    void slowBodiesDoNotStopOtherClientsAndAreCutOff() throws Exception {
        FromAddress other = new FromAddress("127.0.0.2", port);
        for (int i = 0; i < 3; i++) { // warm
            assertThat(other.send(get("/")).status()).isEqualTo(200);
            assertThat(other.send(statusLookUp()).status()).isEqualTo(404);
        }
        List<Slow> slow = new CopyOnWriteArrayList<>();
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try {
            // a few bytes a second on every connection still open, from the first one on: on a busy machine opening
            // the 300 can outlast the 2-s connection timeout, which would end the first ones early and let later
            // ones in
            trickler.scheduleWithFixedDelay(() -> slow.forEach(Slow::trickle), 0, 300, TimeUnit.MILLISECONDS);
            for (int i = 0; i < SLOW; i++) {
                Slow s = new Slow();
                s.open(port);
                slow.add(s);
            }

            // bounded in number: beyond 20 in flight from that address, refused at once
            assertThat(Eventually.equalTo(true, Duration.ofSeconds(30),
                    () -> slow.stream().filter(Slow::refusedAtOnce).count() >= SLOW - 20)).as(() -> tally(slow)).isTrue();
            assertThat(slow.stream().filter(s -> !s.refusedAtOnce())).hasSizeLessThanOrEqualTo(20);

            // while those still trickle, another client's pages and API calls are answered within a second each
            for (int i = 0; i < 10; i++) {
                for (String request : List.of(get("/"), statusLookUp())) {
                    long start = System.nanoTime();
                    int status = other.send(request).status();
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("probe " + i)
                            .isLessThan(Duration.ofSeconds(1));
                    assertThat(status).isIn(200, 404);
                }
            }
            assertThat(slow.stream().filter(s -> !s.ended)).as("the slow ones were still open meanwhile").isNotEmpty();

            // bounded in time: every connection ended by the server soon after the 10-second body deadline (long
            // enough that opening the 300 connections on a busy machine does not outlast it)
            assertThat(Eventually.equalTo(true, Duration.ofSeconds(40), () -> slow.stream().allMatch(s -> s.ended)))
                    .as("all slow connections closed by the server").isTrue();
            assertThat(slow.stream().filter(s -> !s.refusedAtOnce()))
                    .allSatisfy(s -> assertThat(s.received.toString()).startsWith("HTTP/1.1 408"));
        } finally {
            trickler.shutdownNow();
            for (Slow s : slow) {
                s.socket.close();
            }
        }
        // and the server serves that address again
        assertThat(new FromAddress("127.0.0.1", port).send(get("/")).status()).isEqualTo(200);
    }

    /** What the slow connections have seen so far, for a failure's message. */
    private static String tally(List<Slow> slow) {
        java.util.Map<String, Long> seen = new java.util.TreeMap<>();
        for (Slow s : slow) {
            String received;
            synchronized (s) {
                received = s.received.toString();
            }
            String first = received.isEmpty() ? "nothing" : received.lines().findFirst().orElse("");
            seen.merge((s.ended ? "ended, " : "open, ") + first, 1L, Long::sum);
        }
        return seen.toString();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    private static String statusLookUp() {
        String body = "{\"reference\":\"LGN-0000-0000\",\"passportNumber\":\"X1\",\"dateOfBirth\":\"1980-01-01\"}";
        return "POST /api/v1/enlistments/status HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }
}
