package legion.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import legion.enlistment.EnlistmentSubmitted;
import legion.enlistment.EnlistmentTransitioned;
import legion.enlistment.PersonalDataErased;

/**
 * Writes audit entries for what other modules do. Listeners run synchronously, inside the transaction of the
 * change they record, so an acknowledged change never lacks its audit entry.
 */
@Component
class AuditListeners {

    private final AuditLog log;

    AuditListeners(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(EnlistmentSubmitted e) {
        log.append("volunteer", "VOLUNTEER", "ENLISTMENT_SUBMITTED", e.reference().value(),
                "embassy=" + e.embassyCode());
    }

    @EventListener
    void on(EnlistmentTransitioned e) {
        log.append(e.actor(), e.actorRole(), "TRANSITION_" + e.transition().name(), e.reference().value(),
                e.from() + "->" + e.to() + (e.reasonCode() == null ? "" : " code=" + e.reasonCode()));
    }

    @EventListener
    void on(PersonalDataErased e) {
        log.append("volunteer request".equals(e.why()) ? "volunteer" : "system",
                "volunteer request".equals(e.why()) ? "VOLUNTEER" : "SYSTEM", "PERSONAL_DATA_ERASED",
                e.reference().value(), e.why());
    }

    @EventListener
    void on(AuthenticationSuccessEvent e) {
        log.append(e.getAuthentication().getName(), null, "OFFICER_LOGIN", null, null);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent e) {
        String name = String.valueOf(e.getAuthentication().getName());
        log.append(name.length() > 100 ? name.substring(0, 100) : name, null, "OFFICER_LOGIN_FAILED", null,
                e.getException().getClass().getSimpleName());
    }
}
