package legion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
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
import legion.support.TestDatabase;

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
        int port = freePort();
        Process app = start(port);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            waitUntilServing(port, app);
            Http http = new Http(port);
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
            app.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
            app.waitFor(10, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            app.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(100);

        Process again = start(port);
        try {
            waitUntilServing(port, again);
            Http http = new Http(port);
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
            again.destroyForcibly();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), LegionApplication.class.getName(),
                "--server.port=" + port, "--legion.data-dir=" + dataDir, "--legion.demo.enabled=false",
                "--legion.rate-limit.per-client-per-minute=10000000", "--legion.rate-limit.per-client-burst=100000"));
        TestDatabase.PRIVACY_KEYS.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        if (TestDatabase.postgres()) {
            TestDatabase.properties(); // makes sure the schema exists and is clean for this run
            cmd.add("--spring.datasource.url=" + TestDatabase.postgresUrl());
            cmd.add("--spring.datasource.username=" + TestDatabase.postgresUser());
            cmd.add("--spring.datasource.password=" + TestDatabase.postgresPassword());
        }
        File log = dataDir.resolve("app-" + System.nanoTime() + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private void waitUntilServing(int port, Process app) throws Exception {
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Legion exited during start-up: " + lastLog());
            }
            try {
                if (http.get("/", null, null).status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Legion did not start in time: " + lastLog());
    }

    private String lastLog() throws Exception {
        try (var files = Files.list(dataDir)) {
            Path log = files.filter(p -> p.toString().endsWith(".log")).max(Path::compareTo).orElse(null);
            if (log == null) {
                return "(no log)";
            }
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 3000));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
