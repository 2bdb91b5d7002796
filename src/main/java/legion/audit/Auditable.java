package legion.audit;

/**
 * An event that leaves an entry in the audit log. Any module's event implements it and the audit module writes the
 * entry synchronously, inside the transaction that published the event, so an acknowledged change never lacks its
 * entry; the audit module knows no program. Entries carry references and officer names, never personal data.
 */
public interface Auditable {

    /** The entry to append for this event. */
    Entry auditEntry();

    /** What the log records: who (and in which role), what, on which subject, and a detail without personal data. */
    record Entry(String actor, String actorRole, String action, String subject, String detail) {
    }
}
