package legion.enlistment;

import java.time.Instant;

/** A case's personal data was erased (by retention or at the volunteer's request). */
public record PersonalDataErased(EnlistmentId id, Reference reference, String why, Instant at) {
}
