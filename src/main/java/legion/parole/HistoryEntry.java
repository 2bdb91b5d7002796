package legion.parole;

import java.time.Instant;

/** One transition of a parole case: who, in which role, when, from, to and why. Never changed once written. */
public record HistoryEntry(int sequence, String actor, String actorRole, Instant at, Stage from, Stage to,
                           Transition transition, String reason) {
}
