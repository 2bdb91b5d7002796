package legion.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import legion.shared.Role;
import legion.support.Http;
import legion.support.LegionIntegrationTest;

/** Repeated failed sign-ins slow down and then lock the account; the right password does not get in while locked. */
@LegionIntegrationTest
class LockoutTest {

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void locksAfterRepeatedFailures() {
        String user = "lockout-" + System.nanoTime();
        officers.create(user, "Test officer", "right-password", Role.VETTING_OFFICER, null);
        officers.setSecondFactor(user, legion.support.TestDatabase.TOTP_SECRET);
        Http http = new Http(port);
        assertThat(http.get("/api/v1/cases", user, "right-password").status()).isEqualTo(200);
        for (int i = 0; i < Officers.LOCK_AFTER; i++) {
            assertThat(http.get("/api/v1/cases", user, "wrong-" + i).status()).isEqualTo(401);
        }
        // locked: even the right password is refused now
        assertThat(http.get("/api/v1/cases", user, "right-password").status()).isEqualTo(401);
        var lockedUntil = jdbc.sql("select locked_until from access_officer where username = ?").param(user)
                .query(java.time.OffsetDateTime.class).single();
        assertThat(lockedUntil).isAfter(java.time.OffsetDateTime.now().plusMinutes(Officers.LOCK_MINUTES - 1));
        officers.unlock(user);
        assertThat(http.get("/api/v1/cases", user, "right-password").status()).isEqualTo(200);
    }

    @Test
    void slowsDownAfterTheThirdFailure() {
        String user = "slow-" + System.nanoTime();
        officers.create(user, "Test officer", "right-password", Role.VETTING_OFFICER, null);
        officers.setSecondFactor(user, legion.support.TestDatabase.TOTP_SECRET);
        Http http = new Http(port);
        for (int i = 0; i < 3; i++) {
            http.get("/api/v1/cases", user, "wrong");
        }
        // within the back-off even the right password waits
        assertThat(http.get("/api/v1/cases", user, "right-password").status()).isEqualTo(401);
        assertThat(officers.find(user).orElseThrow().isAccountNonLocked()).isFalse();
    }
}
