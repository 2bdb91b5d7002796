package legion.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Officers' passwords (bcrypt, via Spring's {@link DaoAuthenticationProvider}) behind the {@link SignInGuard}: a
 * client in its back-off for this officer is refused before the password is looked at (and the try lengthens the
 * back-off); a wrong password counts for this officer and client; a right one ends that client's back-off. An account
 * locked by wrong codes is refused even with the right password.
 */
@Component
class GuardedPasswords implements AuthenticationProvider {

    /** Refused because this client must wait before trying this officer's password again. */
    static final class BackOffException extends LockedException {
        BackOffException() {
            super("Too many failed sign-ins from this client: wait a moment.");
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final SignInGuard guard;

    GuardedPasswords(Officers officers, PasswordEncoder encoder, SignInGuard guard) {
        this.passwords = new DaoAuthenticationProvider(officers);
        this.passwords.setPasswordEncoder(encoder);
        this.guard = guard;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName());
        String client = client(authentication);
        if (guard.backOff(username, client).isPresent()) {
            guard.passwordFailed(username, client);
            throw new BackOffException();
        }
        try {
            Authentication done = passwords.authenticate(authentication);
            guard.passwordAccepted(username, client);
            return done;
        } catch (BadCredentialsException e) {
            guard.passwordFailed(username, client);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
