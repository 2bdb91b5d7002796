package legion.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, so nothing depends on how fast the machine runs. */
public final class MutableClock extends Clock {

    private final Instant[] now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(new Instant[] {start}, ZoneOffset.UTC);
    }

    private MutableClock(Instant[] now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration by) {
        synchronized (now) {
            now[0] = now[0].plus(by);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same hand-moved time seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        synchronized (now) {
            return now[0];
        }
    }
}
