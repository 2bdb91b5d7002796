package legion.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import legion.shared.Role;
import legion.support.ConsoleSession;
import legion.support.FromAddress;
import legion.support.Http;
import legion.support.LegionIntegrationTest;
import legion.support.TestDatabase;

/**
 * Wrong passwords back off the client that sent them, for that officer only (ADR 0060): whoever knows a user name
 * cannot lock its officer out; the officer still signs in from another client, on the API and the console.
 */
@LegionIntegrationTest
class LockoutTest {

    @LocalServerPort
    int port;
    @Autowired
    Officers officers;
    @Autowired
    SignInGuard guard;

    private String officer(String prefix) {
        String user = prefix + "-" + System.nanoTime();
        officers.create(user, "Test officer", "right-password", Role.VETTING_OFFICER, null);
        officers.setSecondFactor(user, TestDatabase.TOTP_SECRET);
        return user;
    }

    @Test
    void sixWrongPasswordsFromOneClientDoNotStopTheOfficerSigningInFromAnother() {
        String user = officer("lockout");
        FromAddress stranger = new FromAddress("127.0.0.2", port);
        for (int i = 0; i < 6; i++) {
            assertThat(stranger.getAs("/api/v1/cases", user, "wrong-" + i, TestDatabase.code()).status())
                    .isEqualTo(401);
        }
        // the stranger's client is held off for 15 minutes, even with the right password ...
        assertThat(stranger.getAs("/api/v1/cases", user, "right-password", TestDatabase.code()).status())
                .isEqualTo(401);
        assertThat(guard.backOff(user, "127.0.0.2")).hasValueSatisfying(left ->
                assertThat(left.toMinutes()).isGreaterThanOrEqualTo(SignInGuard.PASSWORD_BLOCK_MINUTES - 1));
        // ... the officer is not: the API and the console from another client
        assertThat(new Http(port).get("/api/v1/cases", user, "right-password").status()).isEqualTo(200);
        assertThat(new FromAddress("127.0.0.3", port).getAs("/api/v1/cases", user, "right-password",
                TestDatabase.code()).status()).isEqualTo(200);
        assertThat(ConsoleSession.login(port, user, "right-password").get("/console/cases").status()).isEqualTo(200);
        assertThat(officers.find(user).orElseThrow().isAccountNonLocked()).isTrue();
    }

    @Test
    void slowsDownTheClientAfterTheThirdFailure() {
        String user = officer("slow");
        FromAddress client = new FromAddress("127.0.0.4", port);
        for (int i = 0; i < SignInGuard.BACK_OFF_FROM; i++) {
            client.getAs("/api/v1/cases", user, "wrong", TestDatabase.code());
        }
        // within the back-off even the right password from that client waits
        assertThat(client.getAs("/api/v1/cases", user, "right-password", TestDatabase.code()).status()).isEqualTo(401);
        assertThat(guard.backOff(user, "127.0.0.4")).isPresent();
        assertThat(guard.backOff(user, "127.0.0.1")).isEmpty();
    }

    @Test
    void theConsoleSaysWhenTheClientMustWait() {
        String user = officer("wait");
        ConsoleSession s = ConsoleSession.anonymous(port);
        ConsoleSession.Page last = null;
        for (int i = 0; i <= SignInGuard.BACK_OFF_FROM; i++) {
            var login = s.get("/login");
            last = s.post("/login", Map.of("username", user, "password", "wrong", "_csrf", login.csrf()));
        }
        assertThat(last.location()).endsWith("/login?wait");
        assertThat(s.get("/login?wait").body()).contains("Wait a moment");
    }

    @Test
    void unknownUserNamesChangeNothing() {
        FromAddress client = new FromAddress("127.0.0.5", port);
        for (int i = 0; i < 4; i++) {
            assertThat(client.getAs("/api/v1/cases", "nobody-" + i, "x", "000000").status()).isEqualTo(401);
        }
        assertThat(guard.backOff("nobody-0", "127.0.0.5")).isEmpty();
    }
}
