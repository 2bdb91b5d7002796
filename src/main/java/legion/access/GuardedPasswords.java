package legion.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Officers' passwords (bcrypt, via Spring's {@link DaoAuthenticationProvider}) behind the {@link SignInGuard}: a
 * client in its back-off for this officer is refused before the password is looked at (and the try lengthens the
 * back-off); a wrong password counts for this officer and client; a right one ends that client's back-off. An account
 * locked by wrong codes is refused even with the right password.
 * <p>A password bcrypt accepted is remembered for {@code legion.access.verified-password-ttl} (5 minutes; {@code 0}
 * turns it off) by {@link VerifiedPasswords}, so an API client's next calls with the same password skip bcrypt; the
 * account's state is read and checked on every call all the same.
 */
@Component
class GuardedPasswords implements AuthenticationProvider {

    /** Refused because this client must wait before trying this officer's password again. */
    static final class BackOffException extends LockedException {
        BackOffException() {
            super("Too many failed sign-ins from this client: wait a moment.");
        }
    }

    /** Spring's provider, with its way of making the signed-in token open to a remembered password's call. */
    private static final class Passwords extends DaoAuthenticationProvider {
        Passwords(Officers officers) {
            super(officers);
        }

        Authentication success(Authentication request, UserDetails user) {
            return createSuccessAuthentication(user, request, user);
        }
    }

    private final Passwords passwords;
    private final Officers officers;
    private final SignInGuard guard;
    private final VerifiedPasswords verified;
    private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

    @Autowired
    GuardedPasswords(Officers officers, PasswordEncoder encoder, SignInGuard guard,
            @Value("${legion.access.verified-password-ttl:PT5M}") Duration ttl, ObjectProvider<Clock> clocks) {
        this(officers, encoder, guard, ttl, clocks.getIfAvailable(Clock::systemUTC));
    }

    GuardedPasswords(Officers officers, PasswordEncoder encoder, SignInGuard guard, Duration ttl, Clock clock) {
        this.passwords = new Passwords(officers);
        this.passwords.setPasswordEncoder(encoder);
        this.officers = officers;
        this.guard = guard;
        this.verified = new VerifiedPasswords(ttl, clock);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName());
        String client = client(authentication);
        if (guard.backOff(username, client).isPresent()) {
            guard.passwordFailed(username, client);
            throw new BackOffException();
        }
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        Optional<Authentication> remembered = remembered(authentication, username, password);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        try {
            Authentication done = passwords.authenticate(authentication);
            guard.passwordAccepted(username, client);
            if (done.getPrincipal() instanceof OfficerPrincipal p) {
                verified.remember(username, password, p.passwordHash());
            }
            return done;
        } catch (BadCredentialsException e) {
            verified.forget(username);
            guard.passwordFailed(username, client);
            throw e;
        }
    }

    /** The call signed in without bcrypt: the same password as one accepted lately, the account still usable. */
    private Optional<Authentication> remembered(Authentication request, String username, String password) {
        if (!verified.enabled()) {
            return Optional.empty();
        }
        Optional<OfficerPrincipal> officer = officers.find(username);
        if (officer.isEmpty() || !verified.verified(username, password, officer.get().passwordHash())) {
            return Optional.empty();
        }
        try {
            status.check(officer.get()); // disabled or locked since: refused as Spring's provider refuses it
        } catch (RuntimeException e) {
            verified.forget(username);
            throw e;
        }
        return Optional.of(passwords.success(request, officer.get()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
