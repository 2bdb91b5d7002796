package legion.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polling for what another node (or a background job) makes true within a bounded time. */
public final class Eventually {

    private Eventually() {
    }

    /** The probe's value once it equals {@code expected}, or its last value when {@code within} has passed. */
    public static <T> T equalTo(T expected, Duration within, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        T value = probe.get();
        while (!expected.equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }
}
