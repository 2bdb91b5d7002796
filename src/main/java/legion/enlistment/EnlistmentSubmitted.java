package legion.enlistment;

import java.time.Instant;

import legion.audit.Auditable;

/** A volunteer's application was accepted. Carries no personal data. */
public record EnlistmentSubmitted(EnlistmentId id, Reference reference, String embassyCode, String nationality,
                                  String role, Instant at) implements Auditable {

    @Override
    public Entry auditEntry() {
        return new Entry("volunteer", "VOLUNTEER", "ENLISTMENT_SUBMITTED", reference.value(), "embassy=" + embassyCode);
    }
}
