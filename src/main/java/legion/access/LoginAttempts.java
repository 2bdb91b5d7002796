package legion.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds sign-in outcomes into the officers' failure counters (slow-down and lock-out). */
@Component
class LoginAttempts {

    private final Officers officers;

    LoginAttempts(Officers officers) {
        this.officers = officers;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        officers.recordFailedLogin(String.valueOf(e.getAuthentication().getName()));
    }

    /** Attempts during a back-off count too: guessing on does not wait the lock out, it lengthens it. */
    @EventListener
    void whileLocked(AuthenticationFailureLockedEvent e) {
        officers.recordFailedLogin(String.valueOf(e.getAuthentication().getName()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        officers.recordSuccessfulLogin(e.getAuthentication().getName());
    }
}
