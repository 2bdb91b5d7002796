package legion.arms.register;

import java.util.OptionalLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import legion.shared.Actor;
import legion.shared.RateLimiter;

/** Traces per investigator and minute, one allowance shared by the API and the console page. */
@Component
public class TraceLimit {

    private final RateLimiter limiter;

    TraceLimit(@Value("${legion.arms.trace-per-minute:30}") long perMinute) {
        this.limiter = new RateLimiter(perMinute, Math.max(1, perMinute / 3));
    }

    /** Empty when this investigator may trace now, else the seconds to wait. */
    public OptionalLong take(Actor investigator) {
        return limiter.take(investigator.id());
    }
}
