package legion.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import legion.shared.Role;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.MutableClock;
import legion.support.TestDatabase;

/**
 * A password bcrypt accepted is not hashed again on the officer's next calls within the ttl (ADR 0140), and nothing
 * else is skipped: a wrong password, a changed password, a disabled account and an expired entry all go the full way.
 * bcrypt is the application's own encoder, counted by a wrapper around it.
 */
@LegionIntegrationTest
class VerifiedPasswordsTest {

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    SignInGuard guard;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    final AtomicInteger hashed = new AtomicInteger();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));

    /** The application's encoder, counting the passwords it checks. */
    PasswordEncoder counting() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashed.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
    }

    private String officer() {
        String user = "verified-" + System.nanoTime();
        officers.create(user, "Test officer", "right-password", Role.VETTING_OFFICER, null);
        officers.setSecondFactor(user, TestDatabase.TOTP_SECRET);
        return user;
    }

    private static Authentication attempt(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aPasswordAcceptedOnceIsNotHashedAgainUntilTheTtlEnds() {
        GuardedPasswords passwords = new GuardedPasswords(officers, counting(), guard, Duration.ofMinutes(5), clock);
        String user = officer();

        Authentication first = passwords.authenticate(attempt(user, "right-password"));
        assertThat(hashed).hasValue(1);
        Authentication second = passwords.authenticate(attempt(user, "right-password"));
        assertThat(hashed).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo(user);
        assertThat(second.getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactlyInAnyOrderElementsOf(first.getAuthorities().stream().map(a -> a.getAuthority()).toList());

        // a wrong password is hashed (and refused), and forgets the remembered one
        assertThatThrownBy(() -> passwords.authenticate(attempt(user, "right-passwore")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(hashed).hasValue(2);
        passwords.authenticate(attempt(user, "right-password"));
        assertThat(hashed).hasValue(3);
        passwords.authenticate(attempt(user, "right-password"));
        assertThat(hashed).hasValue(3);

        // the ttl ends
        clock.advance(Duration.ofMinutes(5));
        passwords.authenticate(attempt(user, "right-password"));
        assertThat(hashed).hasValue(4);
    }

    @Test
    void aChangedPasswordOrADisabledAccountIsNotServedFromMemory() {
        GuardedPasswords passwords = new GuardedPasswords(officers, counting(), guard, Duration.ofMinutes(5), clock);
        String user = officer();
        passwords.authenticate(attempt(user, "right-password"));

        jdbc.sql("update access_officer set password_hash = ? where username = ?")
                .params(encoder.encode("new-password"), user).update();
        assertThatThrownBy(() -> passwords.authenticate(attempt(user, "right-password")))
                .isInstanceOf(BadCredentialsException.class);
        passwords.authenticate(attempt(user, "new-password"));
        passwords.authenticate(attempt(user, "new-password"));
        int before = hashed.get();

        jdbc.sql("update access_officer set enabled = false where username = ?").param(user).update();
        assertThatThrownBy(() -> passwords.authenticate(attempt(user, "new-password")))
                .isInstanceOf(DisabledException.class);
        jdbc.sql("update access_officer set enabled = true where username = ?").param(user).update();
        passwords.authenticate(attempt(user, "new-password"));
        assertThat(hashed.get()).as("the disabled account's entry was forgotten").isEqualTo(before + 1);
    }

    @Test
    void aTtlOfZeroHashesEveryCall() {
        GuardedPasswords passwords = new GuardedPasswords(officers, counting(), guard, Duration.ZERO, clock);
        String user = officer();
        passwords.authenticate(attempt(user, "right-password"));
        passwords.authenticate(attempt(user, "right-password"));
        assertThat(hashed).hasValue(2);
    }

    @Test
    void overTheApiAPasswordChangedSinceIsRefused() {
        String user = officer();
        Http http = new Http(port);
        assertThat(http.get("/api/v1/cases", user, "right-password").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/cases", user, "right-password").status()).isEqualTo(200);
        jdbc.sql("update access_officer set password_hash = ? where username = ?")
                .params(encoder.encode("new-password"), user).update();
        assertThat(http.get("/api/v1/cases", user, "right-password").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/cases", user, "new-password").status()).isEqualTo(200);
        jdbc.sql("update access_officer set enabled = false where username = ?").param(user).update();
        assertThat(http.get("/api/v1/cases", user, "new-password").status()).isEqualTo(401);
    }
}
