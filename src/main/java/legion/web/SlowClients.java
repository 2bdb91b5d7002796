package legion.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what one slow client can hold, in Tomcat itself (an engine valve: it runs on the worker thread once the
 * request's headers are in, before anything reads the body — a servlet filter would come too late for the forms,
 * whose body Tomcat reads while parsing parameters).
 * <ul>
 * <li>At most {@code perClient} requests in flight per client address; over that, {@code 429} at once, the body
 * left unread and the connection closed.</li>
 * <li>Every request's body must arrive within {@code bodyDeadline} of the request's start: a read after that fails
 * as a client abort (the application answers {@code 408} if the client still listens), the rest is not swallowed and
 * the connection is closed. A client that sends nothing at all is dropped sooner by Tomcat's connection timeout.</li>
 * <li>A body the application did not read (a refusal such as {@code 413} or {@code 429}) is not read afterwards
 * either: the connection is closed instead, so a refusal frees the thread at once.</li>
 * <li>Such an aborted request is logged once, at INFO, without a stack trace.</li>
 * </ul>
 */
final class SlowClients extends ValveBase {

    private static final Logger LOG = LoggerFactory.getLogger(SlowClients.class);

    private final int perClient;
    private final long deadlineNanos;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    SlowClients(int perClient, Duration bodyDeadline) {
        super(true);
        this.perClient = perClient;
        this.deadlineNanos = bodyDeadline.toNanos();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String client = String.valueOf(request.getRemoteAddr());
        if (inFlight.merge(client, 1, Integer::sum) > perClient) {
            release(client);
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", "1");
            legion.shared.JsonBodies.writeProblem(response, 429, "Too many requests",
                    "Too many requests at once from your address.");
            return;
        }
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        InputBuffer body = coyote.getInputBuffer();
        Deadline deadline = new Deadline(body, System.nanoTime() + deadlineNanos);
        coyote.setInputBuffer(deadline);
        try {
            getNext().invoke(request, response);
        } finally {
            coyote.setInputBuffer(body);
            release(client);
            if (deadline.expired || !fullyRead(coyote)) {
                if (!response.isCommitted()) {
                    // the connection closes after this response: say so, or a client reuses it and finds it gone
                    response.setHeader("Connection", "close");
                    if (response.getStatus() < 400) {
                        // Tomcat marks a connection whose body is not swallowed as an error and turns an answer not
                        // yet sent into an empty 500: send the application's answer (a redirect that keeps what the
                        // volunteer typed, ADR 0155) as it is first
                        sendNow(response);
                    }
                }
                // Tomcat would otherwise read ("swallow") the rest of the body with no time limit
                coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
            if (deadline.expired) {
                LOG.info("request body not received within {} s: {} {} aborted, connection closed",
                        Duration.ofNanos(deadlineNanos).toSeconds(), request.getMethod(), request.getRequestURI());
            } else if (coyote.getErrorException() != null || response.getCoyoteResponse().getErrorException() != null) {
                LOG.info("client went away: {} {} aborted", request.getMethod(), request.getRequestURI());
            }
        }
    }

    private static void sendNow(Response response) {
        try {
            response.flushBuffer();
        } catch (IOException gone) {
            // the client went away: nothing to send it
        }
    }

    /** Whether the application read the whole body (a chunked body cannot be known, so it counts as not read). */
    private static boolean fullyRead(org.apache.coyote.Request coyote) {
        long length = coyote.getContentLengthLong();
        if (length < 0) {
            return coyote.getHeader("Transfer-Encoding") == null;
        }
        return coyote.getBytesRead() >= length;
    }

    private void release(String client) {
        inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The request's body, refusing to read past the deadline. */
    private static final class Deadline implements InputBuffer {

        private final InputBuffer body;
        private final long deadline;
        volatile boolean expired;

        Deadline(InputBuffer body, long deadline) {
            this.body = body;
            this.deadline = deadline;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            if (System.nanoTime() - deadline > 0) {
                expired = true;
                throw new SocketTimeoutException("request body not received in time");
            }
            return body.doRead(handler);
        }

        @Override
        public int available() {
            return body.available();
        }
    }
}
