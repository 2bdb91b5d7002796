package legion.shared;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets by key (a client address, an account), in memory and per node (bucket4j): {@code perMinute} tokens
 * come back each minute, at most {@code burst} are held. The map is emptied when it grows past a bound, so a flood of
 * distinct keys costs memory only up to that bound.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final long perMinute;
    private final long burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    public RateLimiter(long perMinute, long burst) {
        this(perMinute, burst, null);
    }

    /** @param clock the clock the buckets refill by (a test's, so that nothing depends on how fast it runs); null: the system's */
    public RateLimiter(long perMinute, long burst, java.time.Clock clock) {
        if (perMinute <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        this.perMinute = perMinute;
        this.burst = burst;
        this.time = clock == null ? TimeMeter.SYSTEM_NANOTIME : timeOf(clock);
    }

    /** A bucket4j time source reading a {@link java.time.Clock}. */
    public static TimeMeter timeOf(java.time.Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes a token for the key: empty when allowed, else the nanoseconds until one comes back. */
    public OptionalLong take(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }

    /** The {@code 429} problem response with {@code Retry-After} in whole seconds (at least 1). */
    public static void tooMany(jakarta.servlet.http.HttpServletResponse response, long nanos, String detail)
            throws IOException {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        JsonBodies.writeProblem(response, 429, "Too many requests", detail + " Try again in " + seconds + " s.");
    }
}
