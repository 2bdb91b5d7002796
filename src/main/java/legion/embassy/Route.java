package legion.embassy;

import java.time.Instant;

/** One line of the routing table: volunteers residing in {@code country} go to {@code embassyCode}. */
public record Route(String country, String embassyCode, Instant changedAt, String changedBy) {
}
