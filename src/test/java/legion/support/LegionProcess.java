package legion.support;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import legion.LegionApplication;

/**
 * The real application in its own JVM, started from the test's classpath with the shared data keys (and, in the
 * PostgreSQL run, the test database unless the arguments name a datasource), for tests that kill it or run several
 * side by side. Its output goes to a log file under its data directory, whose tail explains a failed start.
 */
public final class LegionProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private LegionProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Legion on {@code port} with its data under {@code dataDir}, plus {@code args} ({@code --name=value}). */
    public static LegionProcess start(Path dataDir, int port, String heap, List<String> args) throws Exception {
        Files.createDirectories(dataDir);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), LegionApplication.class.getName(),
                "--server.port=" + port, "--legion.data-dir=" + dataDir));
        cmd.addAll(args);
        TestDatabase.PRIVACY_KEYS.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        TestDatabase.CHEAPER.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        // a test polls one node from one address (waiting for screening, say): limits it sets itself win
        TestDatabase.GENEROUS_LIMITS.forEach((k, v) -> {
            if (args.stream().noneMatch(a -> a.startsWith("--" + k + "="))) {
                cmd.add("--" + k + "=" + v);
            }
        });
        if (TestDatabase.postgres()) {
            TestDatabase.properties(); // makes sure the schema exists and is clean for this run
            if (args.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="))) {
                cmd.add("--spring.datasource.url=" + TestDatabase.postgresUrl());
            }
            cmd.add("--spring.datasource.username=" + TestDatabase.postgresUser());
            cmd.add("--spring.datasource.password=" + TestDatabase.postgresPassword());
        }
        Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
        File out = log.toFile();
        return new LegionProcess(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start(), port,
                log);
    }

    /** Waits until the portal answers, failing with the log's tail if the process exits or {@code within} passes. */
    public LegionProcess awaitServing(Duration within) throws Exception {
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Legion exited during start-up: " + logTail());
            }
            try {
                if (http.get("/", null, null).status() == 200) {
                    return this;
                }
            } catch (RuntimeException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Legion did not start in time: " + logTail());
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    /** SIGKILL on Unix: no shutdown hooks, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Asks it to stop, and kills it if it has not within 20 seconds. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Everything the process has written so far (its log). */
    public String logText() throws Exception {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The last 4,000 characters of its log, for a failure's message. */
    public String logTail() throws Exception {
        String text = Files.exists(log) ? Files.readString(log) : "(no log)";
        return text.substring(Math.max(0, text.length() - 4000));
    }

    /**
     * The arguments that seed the demo officers with the tests' password and second factor, one code serving every
     * call of its step: the officers the test applications in this JVM seeded too, on PostgreSQL the same rows.
     */
    public static List<String> demoOfficers() {
        return demoOfficersAnd();
    }

    /** The demo officers' arguments ({@link #demoOfficers}) followed by {@code more}. */
    public static List<String> demoOfficersAnd(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--legion.demo.password=" + TestDatabase.DEMO_PASSWORD,
                "--legion.demo.totp-secret=" + TestDatabase.TOTP_SECRET,
                "--legion.access.totp-replay-protection=false"));
        args.addAll(List.of(more));
        return List.copyOf(args);
    }

    public static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
