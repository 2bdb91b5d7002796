package legion.parole;

import java.time.Instant;

/**
 * A released convict was not handed over to the recruitment centre within 24 hours of the release taking effect;
 * flagged once across nodes by {@link HandOverClock}, for the escort and the supervising officers.
 */
public record HandOverOverdue(ParoleReference reference, String facility, Instant due, Instant flaggedAt) {
}
