package legion.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes audit entries for what other modules do: every {@link Auditable} event and officers' logins. Listeners run
 * synchronously, inside the transaction of the change they record, so an acknowledged change never lacks its audit
 * entry.
 */
@Component
class AuditListeners {

    private final AuditLog log;

    AuditListeners(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(Auditable event) {
        Auditable.Entry e = event.auditEntry();
        log.append(e.actor(), e.actorRole(), e.action(), e.subject(), e.detail());
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
