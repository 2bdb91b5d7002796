package legion.enlistment;

import java.time.Instant;

/** A volunteer's application was accepted. Carries no personal data. */
public record EnlistmentSubmitted(EnlistmentId id, Reference reference, String embassyCode, String nationality,
                                  String role, Instant at) {
}
