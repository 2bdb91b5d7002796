package legion.enlistment;

import java.time.Instant;

import legion.audit.Auditable;

/** A case's personal data was erased (by retention or at the volunteer's request). */
public record PersonalDataErased(EnlistmentId id, Reference reference, String why, Instant at) implements Auditable {

    @Override
    public Entry auditEntry() {
        boolean volunteer = "volunteer request".equals(why);
        return new Entry(volunteer ? "volunteer" : "system", volunteer ? "VOLUNTEER" : "SYSTEM",
                "PERSONAL_DATA_ERASED", reference.value(), why);
    }
}
