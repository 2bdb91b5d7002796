package legion.parole;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import legion.audit.AuditLog;

/**
 * Every parole event goes into the platform's audit chain, synchronously in the transaction of the change: an
 * acknowledged change never lacks its entry. Entries name the case and the stages, never the convict.
 */
@Component
class ParoleAudit {

    private final AuditLog log;

    ParoleAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(ParoleEvent e) {
        ParoleEvent.Moved m = e.moved();
        String action = e instanceof ParoleEvent.ServiceEventRecorded r ? "PAROLE_SERVICE_" + r.kind().name()
                : "PAROLE_" + (m.transition() == null ? "FILED" : m.transition().name());
        String detail = (m.from() == null ? "" : m.from() + "->") + m.to() + " facility=" + m.facility();
        log.append(m.actor(), m.actorRole(), action, m.reference().value(), detail);
    }

    @EventListener
    void on(HandOverOverdue e) {
        log.append("system", "SYSTEM", "PAROLE_HAND_OVER_OVERDUE", e.reference().value(),
                "due=" + e.due() + " facility=" + e.facility());
    }
}
