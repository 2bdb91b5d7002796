package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionProcess;

/**
 * Nothing acknowledged is lost: the real application runs in its own JVM, takes applications from 8 concurrent
 * clients, is killed with SIGKILL in the middle of it, restarts, and must know every application it answered
 * 201 to. On the embedded H2 default (its own settings, not the test's) and on PostgreSQL.
 */
@Tag("integration")
class CrashDurabilityTest {

    record Acknowledged(String reference, String passport) {
    }

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcknowledgedApplicationAcrossAKill() throws Exception {
        int port = LegionProcess.freePort();
        LegionProcess app = start(port);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            app.awaitServing(Duration.ofSeconds(90));
            Http http = app.http();
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        Map<String, Object> body = Applications.valid();
                        @SuppressWarnings("unchecked")
                        String passport = (String) ((Map<String, Object>) body.get("passport")).get("number");
                        try {
                            Http.Response r = http.postJson("/api/v1/enlistments", Http.json(body));
                            if (r.status() == 201) {
                                acknowledged.add(new Acknowledged(r.json().get("reference").stringValue(), passport));
                            }
                        } catch (RuntimeException e) {
                            // the server died under us: this one was not acknowledged
                        }
                    }
                    return null;
                });
            }
            Instant until = Instant.now().plusSeconds(20);
            while (acknowledged.size() < 300 && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }
            app.kill(); // SIGKILL on Unix: no shutdown hooks, no flush
        } finally {
            stop.set(true);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            app.kill();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(100);

        LegionProcess again = start(port);
        try {
            again.awaitServing(Duration.ofSeconds(90));
            Http http = again.http();
            List<String> missing = new ArrayList<>();
            for (Acknowledged a : acknowledged) {
                Http.Response r = http.postJson("/api/v1/enlistments/status", Http.json(Map.of(
                        "reference", a.reference(), "passportNumber", a.passport(), "dateOfBirth", "1982-03-11")));
                if (r.status() != 200) {
                    missing.add(a.reference());
                }
            }
            assertThat(missing).as("acknowledged but lost after SIGKILL (of %d)", acknowledged.size()).isEmpty();
        } finally {
            again.kill();
        }
    }

    /** On the embedded H2 default in the data directory (its own settings, not the test's) or on PostgreSQL. */
    private LegionProcess start(int port) throws Exception {
        return LegionProcess.start(dataDir, port, "512m", List.of("--legion.demo.enabled=false",
                "--legion.rate-limit.per-client-per-minute=10000000", "--legion.rate-limit.per-client-burst=100000"));
    }
}
