package legion.support;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The skeleton of the crash tests ("a crash or a kill loses nothing acknowledged"): the real application in its own
 * JVM takes writes from concurrent clients, is killed with SIGKILL in the middle of them once enough were
 * acknowledged (or 20 seconds passed), and is started again on the same database. What the clients were answered
 * with success comes back in the order it was acknowledged, for the test to look for in the restarted application;
 * closing the run kills that one too.
 */
public final class CrashRun<T> implements AutoCloseable {

    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(20);
    private static final Duration START_AT_MOST = Duration.ofSeconds(90);

    /** Starts the application on the port, on the same database every time it is called. */
    @FunctionalInterface
    public interface Start {
        LegionProcess start(int port) throws Exception;
    }

    /**
     * One client's work once over: a few requests, each write the server acknowledged handed to
     * {@code acknowledged} as soon as it was answered. A request the dying server never answered throws
     * {@link UncheckedIOException} (it was not acknowledged) and ends the round; anything else thrown, such as an
     * answer the test did not expect, fails the run.
     */
    @FunctionalInterface
    public interface Round<T> {
        void run(Http http, Consumer<T> acknowledged);
    }

    private final List<T> acknowledged;
    private final LegionProcess restarted;

    private CrashRun(List<T> acknowledged, LegionProcess restarted) {
        this.acknowledged = acknowledged;
        this.restarted = restarted;
    }

    /**
     * Starts the application, runs {@code clients} clients doing {@code round} over and over until {@code enough}
     * writes were acknowledged, kills it with SIGKILL while they are at it, and starts it again (serving) on the same
     * port. Fails when not a third of {@code enough} was acknowledged before the kill: then it proves little.
     */
    public static <T> CrashRun<T> killMidLoad(Start start, int clients, int enough, Round<T> round) throws Exception {
        int port = LegionProcess.freePort();
        ConcurrentLinkedQueue<T> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        LegionProcess app = start.start(port);
        try {
            app.awaitServing(START_AT_MOST);
            Http http = app.http();
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            round.run(http, acknowledged::add);
                        } catch (UncheckedIOException e) {
                            // the server died under us: this request was not acknowledged
                        } catch (RuntimeException | AssertionError e) {
                            unexpected.add(e);
                            stop.set(true);
                        }
                    }
                });
            }
            Instant until = Instant.now().plus(LOAD_AT_MOST);
            while (acknowledged.size() < enough && unexpected.isEmpty() && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }
            app.kill(); // SIGKILL on Unix: no shutdown hooks, no flush
        } finally {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            app.kill();
        }
        if (!unexpected.isEmpty()) {
            throw new AssertionError("a client was answered what it did not expect; the application's log ends "
                    + app.logTail(), unexpected.peek());
        }
        if (acknowledged.size() < enough / 3) {
            throw new AssertionError("only " + acknowledged.size() + " writes acknowledged before the kill");
        }
        LegionProcess again = start.start(port);
        try {
            again.awaitServing(START_AT_MOST);
        } catch (Exception | AssertionError e) {
            again.kill();
            throw e;
        }
        return new CrashRun<>(List.copyOf(acknowledged), again);
    }

    /** What the killed application acknowledged, in the order it was answered. */
    public List<T> acknowledged() {
        return acknowledged;
    }

    /** The application started again on the same database after the kill, serving. */
    public LegionProcess restarted() {
        return restarted;
    }

    @Override
    public void close() throws InterruptedException {
        restarted.kill();
    }
}
