package legion.enlistment;

import java.time.Instant;

/** A case moved along one edge of the stage machine. Carries no personal data. */
public record EnlistmentTransitioned(EnlistmentId id, Reference reference, String embassyCode,
                                     Transition transition, Stage from, Stage to,
                                     String actor, String actorRole, Instant at, String reasonCode) {
}
