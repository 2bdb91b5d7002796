package legion.screening;

import java.time.Instant;
import java.util.UUID;

/**
 * One decision on a screening finding, as the case history and the audit log show it: which finding ({@code HIT} or
 * {@code DUPLICATE}), the edge taken, from which status to which, by whom and when. No personal data.
 */
public record FindingDecided(UUID caseId, String finding, long findingId, String decision, String from, String to,
                             String actor, String actorRole, Instant at) {
}
